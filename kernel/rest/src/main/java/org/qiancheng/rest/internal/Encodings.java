package org.qiancheng.rest.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.qiancheng.engine.Violation;

/**
 * Strict decoding of request bodies: a malformed byte sequence (a stray {@code 0xFF}, an overlong
 * form, an encoded surrogate, a truncated sequence) is refused with its byte offset, never turned
 * into U+FFFD.
 */
final class Encodings {

    static final Charset GB18030 = Charset.forName("GB18030");

    private Encodings() {
    }

    /** @return the byte offset of the first malformed or unmappable sequence, or -1 when there is none */
    static int firstMalformed(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                result = decoder.flush(out.clear());
                return result.isError() ? in.position() : -1;
            }
            out.clear();
        }
    }

    /** @return the text, decoded strictly; a 400 naming {@code field} and the byte offset when it is not */
    static String decode(byte[] bytes, Charset charset, String field) {
        int at = firstMalformed(bytes, charset);
        if (at >= 0) {
            throw malformed(field, charset, at, bytes);
        }
        return new String(bytes, charset);
    }

    static ProblemException malformed(String field, Charset charset, int at, byte[] bytes) {
        String rule = "encoding:" + charset.name().toLowerCase(java.util.Locale.ROOT);
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        String message = "is not valid " + charset.name() + ": the bytes at offset " + at + " (line " + line
                + ") are not a character in that encoding";
        String zh = "不是有效的 " + charset.name() + " 编码：第 " + at + " 字节处（第 " + line + " 行）不是该编码的字符";
        return new ProblemException(Problems.of(400, field + ": " + message, field + "：" + zh, null,
                List.of(new Violation(field, rule, message))));
    }

    /** @return whether the charset named by a {@code Content-Type} is UTF-8 (absent means UTF-8) */
    static boolean isUtf8(String charset) {
        return charset == null || charset.equalsIgnoreCase("UTF-8") || charset.equalsIgnoreCase("UTF8");
    }

    static final Charset UTF_8 = StandardCharsets.UTF_8;
}
