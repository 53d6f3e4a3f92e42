package org.qiancheng.rest.internal;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.qiancheng.engine.Violation;

/**
 * CSV in both directions. Writing ({@link #write}) is for Excel: a UTF-8 byte-order mark so that it
 * reads the Chinese right, CRLF, a field quoted when it holds a comma, quote or line break, and a
 * field that a spreadsheet would take for a formula made text (CSV injection).
 * <p>
 * Reading is a strict RFC 4180 reader: a quote opens a field only at its start and closes it only before a
 * comma or the end of the line, a quote inside a quoted field is doubled, lines end in CRLF or LF,
 * and a UTF-8 byte-order mark is skipped. Anything else is a 400 naming the line, never quoting it.
 * Also the writer of the CSV files the API answers ({@link #line}), safe against formula injection.
 */
final class Csv {

    /** One line of the file: its number (the first line is 1) and its fields, stripped of spaces. */
    record Row(int line, List<String> fields) {
    }

    private Csv() {
    }

    /** The byte-order mark that makes Excel read a UTF-8 file as UTF-8 (and show Chinese). */
    static final String BOM = "\uFEFF";

    /** The characters that make a spreadsheet read a cell as a formula when they start it. */
    private static final String FORMULA_START = "=+-@\t\r";

    /** @return the table as a CSV document: a byte-order mark, the header, the rows, each line ending in CRLF */
    static String write(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder(BOM).append(line(header));
        rows.forEach(row -> out.append(line(row)));
        return out.toString();
    }

    /**
     * The text of an uploaded file: UTF-8 unless {@code charset} names GB18030 (or its subsets GBK
     * and GB2312), which Excel writes for 「CSV（逗号分隔）」 on Chinese Windows; any other charset is a 415.
     * A file that is not valid UTF-8 is a 400, with a hint to save it as CSV UTF-8 when it reads as
     * GB18030 and its first line names a known column.
     *
     * @param looksLikeHeader whether a line decoded as GB18030 names a known column
     */
    static String decode(byte[] body, String charset, Predicate<String> looksLikeHeader) {
        if (charset != null && List.of("GB18030", "GBK", "GB2312").contains(charset.toUpperCase(Locale.ROOT))) {
            return Encodings.decode(body, Encodings.GB18030, "body");
        }
        if (!Encodings.isUtf8(charset)) {
            String message = "a CSV file is read as UTF-8, or as GB18030 when the request says charset=GB18030";
            throw new ProblemException(Problems.of(415, message, "CSV 文件按 UTF-8 读取；GBK/GB18030 编码的文件请声明 "
                    + "charset=GB18030", null, List.of(new Violation("Content-Type", "encoding:utf-8", message))));
        }
        int at = Encodings.firstMalformed(body, Encodings.UTF_8);
        if (at < 0) {
            return new String(body, Encodings.UTF_8);
        }
        if (Encodings.firstMalformed(body, Encodings.GB18030) < 0) {
            String text = new String(body, Encodings.GB18030);
            String first = text.lines().findFirst().orElse("");
            if (looksLikeHeader.test(first)) {
                String message = "the file is not UTF-8: it reads as GB18030/GBK, the encoding Excel writes for "
                        + "'CSV (Comma delimited)'. Save it as 'CSV UTF-8 (Comma delimited)' / 另存为 CSV UTF-8, or "
                        + "send it with Content-Type: text/csv; charset=GB18030";
                String zh = "文件不是 UTF-8 编码，而是 GBK/GB18030（Excel “CSV（逗号分隔）”的默认编码）。请在 Excel 中"
                        + "另存为“CSV UTF-8（逗号分隔）”/ save as CSV UTF-8，或以 Content-Type: text/csv; charset=GB18030 上传";
                throw new ProblemException(Problems.of(400, "body: " + message, "body：" + zh, null,
                        List.of(new Violation("body", "encoding:gb18030", message))));
            }
        }
        ProblemException malformed = Encodings.malformed("body", Encodings.UTF_8, at, body);
        Problem p = malformed.problem();
        throw new ProblemException(Problems.of(400, p.detail() + "; save the file as CSV UTF-8 / 另存为 CSV UTF-8",
                p.detailZh() + "；请另存为 CSV UTF-8 / save as CSV UTF-8", null, p.violations()));
    }

    /** @return the non-blank rows, each with the number of the line it starts on */
    static List<Row> read(String text) {
        String in = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowLine = 1;
        int i = 0;
        while (i <= in.length()) {
            char c = i < in.length() ? in.charAt(i) : '\n';
            if (quoted && c != ',' && c != '\n' && c != '\r') {
                throw syntax(line, "csv:quote", "a closing quote must be followed by a comma or the end of the line; "
                        + "a quote inside a quoted field is written twice");
            }
            if (c == '"') {
                if (field.length() > 0) {
                    throw syntax(line, "csv:quote", "a quote inside an unquoted field; enclose the whole field in "
                            + "quotes and write the quote twice");
                }
                int opened = line;
                i++;
                while (true) {
                    if (i >= in.length()) {
                        throw syntax(opened, "csv:unclosed-quote", "a quoted field opened on this line is never closed");
                    }
                    char q = in.charAt(i++);
                    if (q == '"' && i < in.length() && in.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (q == '"') {
                        break;
                    } else {
                        line += q == '\n' ? 1 : 0;
                        field.append(q);
                    }
                }
                quoted = true;
                continue;
            }
            if (c == ',' || c == '\n' || c == '\r') {
                fields.add(quoted ? field.toString() : field.toString().strip());
                boolean blank = !quoted && fields.size() == 1 && fields.get(0).isEmpty();
                field.setLength(0);
                quoted = false;
                i++;
                if (c == ',') {
                    continue;
                }
                if (!blank) {
                    rows.add(new Row(rowLine, List.copyOf(fields)));
                }
                fields = new ArrayList<>();
                if (c == '\r' && i < in.length() && in.charAt(i) == '\n') {
                    i++;
                }
                rowLine = ++line;
                continue;
            }
            field.append(c);
            i++;
        }
        return rows;
    }

    /**
     * One line of a CSV file we write: RFC 4180 quoting, CRLF, and every cell made safe against formula
     * injection ({@link #cell}).
     */
    static String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            out.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        return out.append("\r\n").toString();
    }

    /**
     * A cell as written: {@code null} empty; text a spreadsheet would take for a formula (starting with
     * {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, so that it shows as text and never
     * runs; quoted when it holds a quote, a comma or a line break.
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = FORMULA_START.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return text.matches("[^\",\r\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static ProblemException syntax(int line, String rule, String message) {
        String field = "line " + line;
        return new ProblemException(Problems.of(400, field + ": " + message, "第 " + line + " 行：" + Problems.ruleZh(rule),
                null, List.of(new Violation(field, rule, message))));
    }
}
