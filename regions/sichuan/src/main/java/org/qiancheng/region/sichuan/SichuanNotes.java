package org.qiancheng.region.sichuan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qiancheng.api.catalog.StandardCatalog;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.model.Certificate;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.model.TargetGroup;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.report.StandardReports;
import org.qiancheng.api.rule.Rules;

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

    static List<Reason> of(ClaimInput input, Parameters parameters) {
        LocalDate on = input.classFacts().startDate();
        Rules rules = parameters.rules();
        List<Reason> notes = new ArrayList<>();
        for (ParameterValue chain : parameters.value(StandardCatalog.CHAINS, on).list()) {
            if (chain.get("occupations").texts().contains(input.classFacts().occupationCode())) {
                notes.add(rules.reason("SC1.chain", Map.of("chain", chain.localized())));
            }
        }
        for (String group : parameters.value(StandardCatalog.FOCUS_GROUPS, on).texts()) {
            TargetGroup focus = TargetGroup.valueOf(group);
            if (input.trainee().belongsTo(focus)) {
                notes.add(rules.reason("SC1.focusGroup", Map.of("group", focus.label())));
            }
        }
        TrainingKind kind = input.classFacts().kind();
        if (parameters.value(DIRECTORY_EXEMPT, on).texts().contains(kind.name())) {
            notes.add(rules.reason("SC5"));
        }
        for (ParameterValue goal : parameters.value(StandardReports.GOALS, on).list()) {
            if (countsToward(goal.get("measure").text(), input)) {
                notes.add(rules.reason("SC6", Map.of("goal", goal.localized(), "target", goal.get("target").decimal()),
                        Citation.parse(goal.get("citation").text())));
            }
        }
        notes.add(rules.reason("SC7"));
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
