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
 * Trainee and enrolment files as offices keep them: a header line with Chinese or English column
 * names, then one trainee per line. Groups are listed with ；、| or ; between them, by name
 * (MIGRANT_WORKER) or Chinese label (农民工).
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

    /** @return the drafts, the first being line 2 */
    static List<TraineeDraft> trainees(String text) {
        List<List<String>> records = Csv.read(text);
        Map<String, Integer> at = header(records, List.of("idNumber", "name"));
        List<RowError> errors = new ArrayList<>();
        List<TraineeDraft> drafts = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> row = records.get(i);
            int line = i + 1;
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

    /** @return the resident IDs of an enrolment file, the first being line 2 */
    static List<String> idNumbers(String text) {
        List<List<String>> records = Csv.read(text);
        Map<String, Integer> at = header(records, List.of("idNumber"));
        List<String> ids = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            ids.add(cell(records.get(i), at, "idNumber"));
        }
        return ids;
    }

    private static Map<String, Integer> header(List<List<String>> records, List<String> required) {
        if (records.isEmpty()) {
            throw new ImportRejectedException(List.of(new RowError(1, "header", "required", "the file is empty")));
        }
        Map<String, Integer> at = new HashMap<>();
        List<RowError> errors = new ArrayList<>();
        List<String> names = records.get(0);
        for (int column = 0; column < names.size(); column++) {
            String field = COLUMNS.get(names.get(column));
            if (field == null) {
                errors.add(new RowError(1, "header", "unknown-column", "unknown column '" + names.get(column)
                        + "'; known: " + new java.util.TreeSet<>(COLUMNS.keySet())));
            } else {
                at.put(field, column);
            }
        }
        for (String field : required) {
            if (!at.containsKey(field)) {
                errors.add(new RowError(1, field, "required", "the column " + field + " is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return at;
    }

    private static String cell(List<String> row, Map<String, Integer> at, String field) {
        Integer column = at.get(field);
        if (column == null || column >= row.size() || row.get(column).isEmpty()) {
            return null;
        }
        return row.get(column);
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
                errors.add(new RowError(line, field, "enum:TargetGroup", "unknown group '" + wanted + "'"));
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
        switch (cell.toLowerCase(java.util.Locale.ROOT)) {
            case "是", "true", "1", "yes":
                return Boolean.TRUE;
            case "否", "false", "0", "no":
                return Boolean.FALSE;
            default:
                errors.add(new RowError(line, "receivesPension", "type:boolean", "must be 是/否 or true/false"));
                return null;
        }
    }
}
