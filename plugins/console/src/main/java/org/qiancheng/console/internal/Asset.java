package org.qiancheng.console.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * One file of the console, held in memory with its validator and, for text, its gzip form: the
 * console is a few hundred kilobytes that never change while the bundle runs, so compressing once
 * beats compressing per request (ECharts alone is 1.1 MB, 370 kB gzipped).
 *
 * @param contentType the media type sent
 * @param body the bytes as stored in the bundle
 * @param gzipped the gzip form, or null where compression does not pay (images, tiny files)
 * @param etag a strong validator (the SHA-256 of the body)
 */
record Asset(String contentType, byte[] body, byte[] gzipped, String etag) {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "mjs", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=UTF-8");

    private static final int WORTH_COMPRESSING = 1024;

    /**
     * @param name the file name (its extension chooses the type)
     * @param body its content
     * @return the asset, or null for a file the console does not serve (no known type: licences
     *         and notes beside the vendored files are for people reading the bundle, not browsers)
     */
    static Asset of(String name, byte[] body) {
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
        if (type == null) {
            return null;
        }
        boolean text = !type.startsWith("image/") || type.equals("image/svg+xml");
        byte[] gzipped = text && body.length >= WORTH_COMPRESSING ? gzip(body) : null;
        return new Asset(type, body, gzipped,
                '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(body)) + '"');
    }

    /** The SHA-256 of some bytes: a file's validator here, the import map's hash in the security policy. */
    static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
