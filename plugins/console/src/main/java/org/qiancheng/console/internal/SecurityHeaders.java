package org.qiancheng.console.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headers every console answer carries. The Content-Security-Policy allows scripts from the
 * console's own origin only, plus the one inline script a page needs, the import map, by its hash
 * (computed from the page served, so editing the map cannot silently break or widen the policy).
 * No inline styles, no eval, no frames, nothing fetched from elsewhere.
 */
final class SecurityHeaders {

    private static final Pattern IMPORT_MAP = Pattern.compile(
            "<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    private SecurityHeaders() {
    }

    /**
     * @param indexHtml the console's page
     * @return header name → value, in a stable order
     * @throws IllegalArgumentException when the page has no import map (the modules would not load)
     */
    static Map<String, String> forPage(String indexHtml) {
        Matcher map = IMPORT_MAP.matcher(indexHtml);
        if (!map.find()) {
            throw new IllegalArgumentException("the console page has no <script type=\"importmap\">");
        }
        String hash = Base64.getEncoder().encodeToString(Asset.sha256(map.group(1).getBytes(StandardCharsets.UTF_8)));
        String policy = "default-src 'none'; script-src 'self' 'sha256-" + hash + "'; "
                + "style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
                + "manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; "
                + "object-src 'none'";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", policy);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        return Collections.unmodifiableMap(headers);
    }
}
