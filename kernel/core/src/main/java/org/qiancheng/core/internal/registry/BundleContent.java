package org.qiancheng.core.internal.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.SortedMap;
import java.util.TreeMap;
import org.osgi.framework.Bundle;
import org.qiancheng.engine.ContentHash;

/** The content hash of an installed bundle: every entry's path and bytes [K5]. */
final class BundleContent {

    private BundleContent() {
    }

    static String hash(Bundle bundle) {
        SortedMap<String, byte[]> entries = new TreeMap<>();
        Enumeration<URL> found = bundle.findEntries("/", "*", true);
        for (URL url : found == null ? Collections.<URL>emptyList() : Collections.list(found)) {
            if (url.getPath().endsWith("/")) {
                continue;
            }
            try (InputStream in = url.openStream()) {
                entries.put(url.getPath(), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + url + " of " + bundle.getSymbolicName(), e);
            }
        }
        return ContentHash.of(entries);
    }
}
