package org.qiancheng.rest.internal;

import java.util.ArrayList;
import java.util.List;

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF, a UTF-8 byte-order mark ignored. */
final class Csv {

    private Csv() {
    }

    /** @return the records, each a list of fields; blank lines are skipped */
    static List<List<String>> read(String text) {
        String input = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < input.length() && input.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString().strip());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < input.length() && input.charAt(i + 1) == '\n') {
                    i++;
                }
                end(records, record, field);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        end(records, record, field);
        return records;
    }

    private static void end(List<List<String>> records, List<String> record, StringBuilder field) {
        record.add(field.toString().strip());
        field.setLength(0);
        if (!(record.size() == 1 && record.get(0).isEmpty())) {
            records.add(record);
        }
    }
}
