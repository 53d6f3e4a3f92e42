package org.qiancheng.region.sichuan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.qiancheng.api.catalog.StandardCatalog;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.model.Certificate;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.model.TargetGroup;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.report.StandardReports;

/**
 * The notes of a granted claim that carry no amount: the chain and focus groups it serves (SC1),
 * an open call delivered outside the institution directory (SC5), the targets it counts toward
 * (SC6, from {@code targets/goals}) and the monthly dispatch it enters (SC7).
 */
final class SichuanNotes {

    /** Training kinds whose institutions need not be in the directory, e.g. {@code ["OPEN_CALL"]}. */
    static final String DIRECTORY_EXEMPT = "delivery/directory_exempt_kinds";

    private SichuanNotes() {
    }

    static List<Reason> of(ClaimInput input, Parameters parameters, Clauses clauses) {
        LocalDate on = input.classFacts().startDate();
        List<Reason> notes = new ArrayList<>();
        for (ParameterValue chain : parameters.value(StandardCatalog.CHAINS, on).list()) {
            if (chain.get("occupations").texts().contains(input.classFacts().occupationCode())) {
                notes.add(new Reason("SC1", new LocalizedText("聚焦领域：" + chain.get("zh").text(),
                        "Focus field: " + chain.get("en").text()), parameters.reference(StandardCatalog.CHAINS)));
            }
        }
        for (String group : parameters.value(StandardCatalog.FOCUS_GROUPS, on).texts()) {
            TargetGroup focus = TargetGroup.valueOf(group);
            if (input.trainee().belongsTo(focus)) {
                notes.add(new Reason("SC1", new LocalizedText("重点群体：" + focus.label().zh(),
                        "Focus group: " + focus.label().en()), parameters.reference(StandardCatalog.FOCUS_GROUPS)));
            }
        }
        TrainingKind kind = input.classFacts().kind();
        if (parameters.value(DIRECTORY_EXEMPT, on).texts().contains(kind.name())) {
            notes.add(new Reason("SC5", new LocalizedText("“揭榜挂帅”项目：揭榜承训机构不受承训机构目录限制",
                    "Open-call project: the institution may deliver it from outside the institution directory"),
                    parameters.reference(DIRECTORY_EXEMPT)));
        }
        for (ParameterValue goal : parameters.value(StandardReports.GOALS, on).list()) {
            if (countsToward(goal.get("measure").text(), input)) {
                String target = goal.get("target").decimal().toPlainString();
                notes.add(new Reason("SC6", new LocalizedText("计入目标任务：" + goal.get("zh").text() + "(目标" + target
                        + ")", "Counts toward the target: " + goal.get("en").text() + " (" + target + ")"),
                        Citation.parse(goal.get("citation").text())));
            }
        }
        notes.add(new Reason("SC7", new LocalizedText("计入月调度，按月报送并公布各地进展",
                "Counted in the monthly dispatch; progress is reported and published monthly"),
                clauses.dispatchCitation()));
        return notes;
    }

    private static boolean countsToward(String measure, ClaimInput input) {
        Certificate certificate = input.outcome().certificate();
        EmploymentOutcome employment = input.outcome().employment();
        return switch (measure) {
            case "enrolled" -> true;
            case "apprentices" -> input.classFacts().kind() == TrainingKind.APPRENTICESHIP;
            case "high_skilled" -> certificate != null && certificate.level() != null
                    && certificate.level().isHighSkilled();
            case "certified" -> certificate != null;
            case "employed" -> employment == EmploymentOutcome.STABLE || employment == EmploymentOutcome.FLEXIBLE;
            default -> false;
        };
    }
}
