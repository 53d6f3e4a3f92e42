package org.qiancheng.persistence.internal.workflow;

import java.util.HexFormat;

/** MACs and keys as the database and the API show them: lower-case hexadecimal. */
final class Hex {

    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    static String of(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** @return the bytes of hexadecimal digits (an even number of them) */
    static byte[] bytes(String text) {
        return HEX.parseHex(text);
    }

    /** @return the bytes, or {@code null} when the text is not 64 hexadecimal digits */
    static byte[] mac(String text) {
        if (text == null || text.length() != 64) {
            return null;
        }
        try {
            return HEX.parseHex(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
