package org.qiancheng.rest.internal;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Downloads operators open in a spreadsheet (花名册, 拨付清单): CSV for Excel ({@link Csv#write}), or
 * a workbook ({@link Xlsx}) with {@code format=xlsx}, as an attachment named in ASCII for old clients and in Chinese ({@code filename*}, RFC 5987/6266) for
 * the others.
 */
final class Exports {

    static final String CSV_TYPE = "text/csv; charset=UTF-8";

    private Exports() {
    }

    /**
     * Checks the {@code format} parameter: absent, {@code csv} or {@code xlsx}.
     *
     * @return whether the answer is a workbook
     * @throws ProblemException 422 naming {@code format} otherwise
     */
    static boolean xlsx(String format) {
        if (format != null && !format.equals("csv") && !format.equals("xlsx")) {
            throw Problems.invalid("format", "enum:csv|xlsx", "must be csv (the default) or xlsx",
                    "只能为 csv（默认）或 xlsx");
        }
        return "xlsx".equals(format);
    }

    /**
     * A download: {@code ascii} and {@code name} without the extension, which is added.
     *
     * @param xlsx a workbook; CSV otherwise
     */
    static Response of(boolean xlsx, String ascii, String name, List<String> header, List<List<String>> rows) {
        String extension = xlsx ? ".xlsx" : ".csv";
        Response.ResponseBuilder answer = xlsx ? Response.ok(Xlsx.write(name, header, rows), Xlsx.TYPE)
                : Response.ok(Csv.write(header, rows), CSV_TYPE);
        return answer.header(HttpHeaders.CONTENT_DISPOSITION, disposition(ascii + extension, name + extension)).build();
    }

    /** {@code attachment; filename="roster-class-7.csv"; filename*=UTF-8''%E8%8A%B1…}. */
    static String disposition(String ascii, String name) {
        return "attachment; filename=\"" + ascii.replaceAll("[^A-Za-z0-9._-]", "_") + "\"; filename*=UTF-8''"
                + rfc5987(name);
    }

    /** Percent-encodes the UTF-8 bytes of a value except RFC 5987's attr-char. */
    static String rfc5987(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
