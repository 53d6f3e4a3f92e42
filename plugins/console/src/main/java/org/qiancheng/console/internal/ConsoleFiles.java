package org.qiancheng.console.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * The console's files by path below {@code /console/}, and the security headers of its page.
 * Built once from the bundle's {@code console/} folder.
 */
final class ConsoleFiles {

    static final String INDEX = "index.html";

    private final Map<String, Asset> assets;
    private final Map<String, String> headers;

    /**
     * @param contents path below {@code console/} (e.g. {@code js/main.js}) → bytes
     * @throws IllegalArgumentException when there is no {@code index.html} or it has no import map
     */
    ConsoleFiles(Map<String, byte[]> contents) {
        Map<String, Asset> served = new TreeMap<>();
        contents.forEach((path, body) -> {
            Asset asset = Asset.of(path, body);
            if (asset != null) {
                served.put(path, asset);
            }
        });
        Asset index = served.get(INDEX);
        if (index == null) {
            throw new IllegalArgumentException("the console has no " + INDEX);
        }
        this.assets = Map.copyOf(served);
        this.headers = SecurityHeaders.forPage(index.text());
    }

    /**
     * @param path the request's path below {@code /console/} ("" or null for the page itself)
     * @return the file, or null
     */
    Asset find(String path) {
        if (path == null || path.isEmpty()) {
            return assets.get(INDEX);
        }
        return assets.get(path);
    }

    Map<String, String> headers() {
        return headers;
    }

    int size() {
        return assets.size();
    }
}
