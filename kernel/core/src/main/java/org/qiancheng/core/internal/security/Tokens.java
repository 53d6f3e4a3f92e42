package org.qiancheng.core.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Session and CSRF tokens: 256 random bits in base64url without padding; stored only as SHA-256. */
final class Tokens {

    /** 32 bytes in base64url without padding. */
    static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random;

    Tokens(SecureRandom random) {
        this.random = random;
    }

    String next() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean wellFormed(String token) {
        return token != null && FORMAT.matcher(token).matches();
    }

    /** @return the SHA-256 of a token, in lower-case hex */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a token's hash is the one stored, compared in constant time. */
    static boolean matches(String token, String storedHash) {
        return token != null && MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
