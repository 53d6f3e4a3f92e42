package org.qiancheng.distribution;

import java.util.List;
import java.util.Map;

/** Requests broken below JSON: in the request line, the escapes of the path, the size of URI and headers. */
final class RawRequests {

    private RawRequests() {
    }

    static List<MalformedRequests.Request> all() {
        String longPath = "/api/v1/classes/" + "1".repeat(10_000);
        StringBuilder bigHeader = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            bigHeader.append("X-Filler-").append(i).append(": ").append("x".repeat(8_000)).append("\r\n");
        }
        return List.of(
                raw("undecodable escape", "GET", "/api/v1/classes/%zz"),
                raw("escaped NUL", "GET", "/api/v1/trainees/%00"),
                raw("escaped slash up", "GET", "/api/v1/..%2F..%2Fetc%2Fpasswd"),
                raw("dot segments", "GET", "/api/v1/../../etc/passwd"),
                raw("URI of 10 KB", "GET", longPath),
                raw("unknown method", "BREW", "/api/v1/classes"),
                raw("outside the API", "GET", "/no-such-page"),
                raw("root", "GET", "/"),
                raw("unsupported media type", "POST", "/api/v1/institutions", Map.of("Content-Type", "text/plain"),
                        "name=x"),
                raw("not acceptable", "GET", "/api/v1/classes", Map.of("Accept", "image/png"), null),
                raw("64 KB of headers", "GET", "/api/v1/classes", Map.of("X-Big", bigHeader.toString()
                        .replace("\r\n", "").substring(0, 60_000)), null));
    }

    private static MalformedRequests.Request raw(String kind, String method, String target) {
        return raw(kind, method, target, Map.of(), null);
    }

    private static MalformedRequests.Request raw(String kind, String method, String target, Map<String, String> headers,
            String body) {
        return new MalformedRequests.Request("raw " + kind, method, target, headers,
                body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
