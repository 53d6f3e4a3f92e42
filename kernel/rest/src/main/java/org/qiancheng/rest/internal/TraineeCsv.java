package org.qiancheng.rest.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qiancheng.api.model.TargetGroup;
import org.qiancheng.api.workflow.Drafts.TraineeDraft;
import org.qiancheng.api.workflow.ImportRejectedException;
import org.qiancheng.api.workflow.RowError;

/**
 * Trainee and enrolment files as offices keep them, CSV or XLSX (read into the same rows by
 * {@link XlsxReader}, so both meet the rules here): a header line with Chinese or English column
 * names (required: a file starting with data is refused), then one trainee per line, no line
 * longer than the header. Groups are listed with ；、| or ; between them, by name (MIGRANT_WORKER)
 * or Chinese label (农民工); the pension flag is 是/否 or true/false. No error quotes a value that
 * may be a resident ID.
 */
final class TraineeCsv {

    static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("身份证号", "idNumber"), Map.entry("身份证号码", "idNumber"), Map.entry("idNumber", "idNumber"),
            Map.entry("姓名", "name"), Map.entry("name", "name"),
            Map.entry("重点群体", "groups"), Map.entry("人员类别", "groups"), Map.entry("groups", "groups"),
            Map.entry("家庭成员群体", "familyGroups"), Map.entry("familyGroups", "familyGroups"),
            Map.entry("户籍地", "householdRegion"), Map.entry("户籍地代码", "householdRegion"),
            Map.entry("householdRegion", "householdRegion"),
            Map.entry("常住地", "residenceRegion"), Map.entry("常住地代码", "residenceRegion"),
            Map.entry("residenceRegion", "residenceRegion"),
            Map.entry("领取养老金", "receivesPension"), Map.entry("receivesPension", "receivesPension"));

    private TraineeCsv() {
    }

    /**
     * The rows of an uploaded file: the first sheet of a workbook when the {@code Content-Type} is
     * {@link Xlsx#TYPE}, otherwise CSV text decoded as {@link #text(jakarta.ws.rs.core.MediaType, byte[])} says.
     */
    static XlsxReader.Sheet rows(jakarta.ws.rs.core.MediaType type, java.io.InputStream body) {
        if (type != null && Xlsx.TYPE.equalsIgnoreCase(type.getType() + "/" + type.getSubtype())) {
            return XlsxReader.read(body);
        }
        byte[] bytes;
        try (java.io.InputStream in = body) {
            bytes = in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return csv(text(type, bytes));
    }

    private static XlsxReader.Sheet csv(String text) {
        return new XlsxReader.Sheet(Csv.read(text), List.of());
    }

    /** The text of an uploaded file, decoded as its {@code Content-Type} says ({@link Csv#decode}). */
    static String text(jakarta.ws.rs.core.MediaType type, byte[] body) {
        return text(type == null ? null : type.getParameters().get(jakarta.ws.rs.core.MediaType.CHARSET_PARAMETER), body);
    }

    /** @param charset the {@code charset} of the request's {@code Content-Type}, or {@code null} */
    static String text(String charset, byte[] body) {
        return Csv.decode(body == null ? new byte[0] : body, charset, TraineeCsv::namesAColumn);
    }

    /** Whether a line names at least one known column: how a header line is recognised. */
    static boolean namesAColumn(String line) {
        for (String name : line.split(",")) {
            if (COLUMNS.containsKey(name.replace("\"", "").replace("\uFEFF", "").strip())) {
                return true;
            }
        }
        return false;
    }

    /** @return the drafts of a CSV text, in file order */
    static List<TraineeDraft> trainees(String text) {
        return trainees(csv(text));
    }

    /** @return the drafts, in file order */
    static List<TraineeDraft> trainees(XlsxReader.Sheet sheet) {
        List<Csv.Row> rows = sheet.rows();
        Map<String, Integer> at = header(sheet, List.of("idNumber", "name"));
        Map<Integer, List<XlsxReader.Refusal>> refused = byLine(sheet);
        List<RowError> errors = new ArrayList<>();
        List<TraineeDraft> drafts = new ArrayList<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (!clean(row, rows.get(0).fields(), refused, errors)) {
                continue;
            }
            int line = row.line();
            drafts.add(new TraineeDraft(cell(row, at, "idNumber"), cell(row, at, "name"),
                    groups(cell(row, at, "groups"), line, "groups", errors),
                    groups(cell(row, at, "familyGroups"), line, "familyGroups", errors),
                    cell(row, at, "householdRegion"), cell(row, at, "residenceRegion"),
                    pension(cell(row, at, "receivesPension"), line, errors)));
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return drafts;
    }

    /** @return the resident IDs of an enrolment CSV text, in file order */
    static List<String> idNumbers(String text) {
        return idNumbers(csv(text));
    }

    /** @return the resident IDs of an enrolment file, in file order */
    static List<String> idNumbers(XlsxReader.Sheet sheet) {
        List<Csv.Row> rows = sheet.rows();
        Map<String, Integer> at = header(sheet, List.of("idNumber"));
        Map<Integer, List<XlsxReader.Refusal>> refused = byLine(sheet);
        List<RowError> errors = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (clean(row, rows.get(0).fields(), refused, errors)) {
                ids.add(cell(row, at, "idNumber"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return ids;
    }

    /**
     * The header line, required: a first line that names no known column is taken as data and refused
     * without quoting it; an unknown column is quoted only when it holds no digit (else it may be an ID).
     */
    private static Map<String, Integer> header(XlsxReader.Sheet sheet, List<String> required) {
        List<Csv.Row> rows = sheet.rows();
        if (rows.isEmpty()) {
            throw new ImportRejectedException(List.of(new RowError(1, "header", "required", "the file is empty")));
        }
        Csv.Row first = rows.get(0);
        List<String> names = first.fields();
        if (names.stream().noneMatch(COLUMNS::containsKey)) {
            throw new ImportRejectedException(List.of(new RowError(first.line(), "header", "csv:header",
                    "the first line must be the header line naming the columns (身份证号/idNumber, 姓名/name …); "
                            + "this file starts with data or unknown names")));
        }
        Map<String, Integer> at = new HashMap<>();
        List<RowError> errors = new ArrayList<>();
        Set<Integer> refused = new java.util.HashSet<>();
        for (XlsxReader.Refusal cell : sheet.refused()) {
            if (cell.line() == first.line()) {
                errors.add(new RowError(cell.line(), "header", cell.rule(), cell.message()));
                refused.add(cell.column());
            }
        }
        for (int column = 0; column < names.size(); column++) {
            String name = names.get(column);
            if (refused.contains(column)) {
                continue; // named above: a cell that is no text names no column
            }
            String field = COLUMNS.get(name);
            String shown = name.chars().anyMatch(Character::isDigit) || Strict.text(name, false) != null
                    ? "column " + (column + 1) : "column " + (column + 1) + " '" + name + "'";
            if (field == null) {
                errors.add(new RowError(first.line(), "header", "csv:unknown-column", shown
                        + " is not a known column; known: " + new java.util.TreeSet<>(COLUMNS.keySet())));
            } else if (at.put(field, column) != null) {
                errors.add(new RowError(first.line(), field, "csv:duplicate-column", shown + " names " + field
                        + " a second time"));
            }
        }
        for (String field : required) {
            if (!at.containsKey(field)) {
                errors.add(new RowError(first.line(), field, "required", "the column " + field + " is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return at;
    }

    /**
     * Whether the row has no more fields than the header, no field with a control character or U+FFFD
     * and no cell of a workbook that is not text.
     */
    private static boolean clean(Csv.Row row, List<String> header, Map<Integer, List<XlsxReader.Refusal>> refused,
            List<RowError> errors) {
        int before = errors.size();
        for (XlsxReader.Refusal cell : refused.getOrDefault(row.line(), List.of())) {
            errors.add(new RowError(row.line(), columnName(cell.column(), header), cell.rule(), cell.message()));
        }
        List<String> fields = row.fields();
        if (fields.size() > header.size()) {
            errors.add(new RowError(row.line(), "line", "csv:columns", "has " + fields.size()
                    + " fields, the header line names " + header.size() + " columns"));
        }
        for (int column = 0; column < fields.size(); column++) {
            Strict.Broken broken = Strict.text(fields.get(column), false);
            if (broken != null) {
                errors.add(new RowError(row.line(), columnName(column, header), broken.rule(), broken.message()));
            }
        }
        return errors.size() == before;
    }

    private static Map<Integer, List<XlsxReader.Refusal>> byLine(XlsxReader.Sheet sheet) {
        Map<Integer, List<XlsxReader.Refusal>> byLine = new HashMap<>();
        sheet.refused().forEach(cell -> byLine.computeIfAbsent(cell.line(), line -> new ArrayList<>()).add(cell));
        return byLine;
    }

    /** A column by the field its header names, or by its position when it lies past the header. */
    private static String columnName(int column, List<String> header) {
        return column < header.size() ? COLUMNS.get(header.get(column)) : "column " + (column + 1);
    }

    private static String cell(Csv.Row row, Map<String, Integer> at, String field) {
        Integer column = at.get(field);
        List<String> fields = row.fields();
        if (column == null || column >= fields.size() || fields.get(column).isEmpty()) {
            return null;
        }
        return fields.get(column);
    }
    private static Set<TargetGroup> groups(String cell, int line, String field, List<RowError> errors) {
        Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
        if (cell == null) {
            return groups;
        }
        for (String name : cell.split("[;；、|]")) {
            String wanted = name.strip();
            if (wanted.isEmpty()) {
                continue;
            }
            TargetGroup group = null;
            for (TargetGroup candidate : TargetGroup.values()) {
                if (candidate.name().equals(wanted) || candidate.label().zh().equals(wanted)) {
                    group = candidate;
                }
            }
            if (group == null) {
                errors.add(new RowError(line, field, "enum:TargetGroup", "is not a group; one of "
                        + java.util.Arrays.toString(TargetGroup.values()) + " or their Chinese labels"));
            } else {
                groups.add(group);
            }
        }
        return groups;
    }

    private static Boolean pension(String cell, int line, List<RowError> errors) {
        if (cell == null) {
            return null;
        }
        switch (cell) {
            case "是", "true", "TRUE":
                return Boolean.TRUE;
            case "否", "false", "FALSE":
                return Boolean.FALSE;
            default:
                errors.add(new RowError(line, "receivesPension", "type:boolean", "must be 是/否 or true/false"));
                return null;
        }
    }
}
