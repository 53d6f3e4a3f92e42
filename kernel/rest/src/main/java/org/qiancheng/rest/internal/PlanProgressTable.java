package org.qiancheng.rest.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.qiancheng.api.workflow.PlanProgress;

/**
 * The progress of a yearly training plan as a download: one row per line in force, then one per
 * occupation trained outside the plan (计划外), then the totals.
 */
final class PlanProgressTable {

    static final List<String> HEADER = List.of("职业 Occupation", "等级 Level", "计划内 In plan",
            "计划人数 Planned", "原计划人数 Originally planned", "班级数 Classes", "报名人数 Enrolled",
            "结业人数 Finished", "合格人数 Passed", "取证人数 Certified", "就业人数 Employed",
            "报名完成率% Enrolled %", "结业完成率% Finished %");

    private PlanProgressTable() {
    }

    static ExportTables.Table of(PlanProgress progress) {
        List<List<String>> rows = new ArrayList<>();
        for (PlanProgress.Line line : progress.lines()) {
            rows.add(row(line));
        }
        for (PlanProgress.Line line : progress.unplanned()) {
            rows.add(row(line));
        }
        PlanProgress.Totals t = progress.totals();
        rows.add(Arrays.asList("合计 Total", null, "是 yes", Long.toString(t.planned()), null,
                Long.toString(t.classes()), Long.toString(t.enrolled()), Long.toString(t.finished()),
                Long.toString(t.passed()), Long.toString(t.certified()), Long.toString(t.employed()),
                text(t.enrolledPercent()), text(t.finishedPercent())));
        rows.add(Arrays.asList("计划外合计 Outside the plan", null, "否 no", null, null,
                Long.toString(t.unplannedClasses()), Long.toString(t.unplannedEnrolled()), null, null, null, null,
                null, null));
        return new ExportTables.Table(HEADER, rows);
    }

    private static List<String> row(PlanProgress.Line line) {
        return Arrays.asList(line.occupationCode(), line.level() == null ? "不限 any" : line.level().name(),
                line.inPlan() ? "是 yes" : "否 no", text(line.planned()), text(line.originallyPlanned()),
                Long.toString(line.classes()), Long.toString(line.enrolled()), Long.toString(line.finished()),
                Long.toString(line.passed()), Long.toString(line.certified()), Long.toString(line.employed()),
                text(line.enrolledPercent()), text(line.finishedPercent()));
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
