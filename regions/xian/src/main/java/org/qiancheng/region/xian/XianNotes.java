package org.qiancheng.region.xian;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qiancheng.api.catalog.StandardCatalog;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.model.Certificate;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.report.StandardReports;
import org.qiancheng.api.rule.Rules;

/** The cited notes and review flags of a granted Xi'an decision: steps that carry no amount. */
final class XianNotes {

    private XianNotes() {
    }

    static List<Reason> notes(ClaimInput input, Parameters parameters) {
        ClassFacts facts = input.classFacts();
        LocalDate on = facts.startDate();
        Rules rules = parameters.rules();
        SkillLevel certified = input.outcome().certificateIfAny().map(Certificate::level).orElse(null);
        boolean highSkilled = certified != null && certified.isHighSkilled();
        List<Reason> notes = new ArrayList<>();
        for (ParameterValue goal : parameters.value(StandardReports.GOALS, on).list()) {
            String measure = goal.get("measure").text();
            if ("enrolled".equals(measure) || ("high_skilled".equals(measure) && highSkilled)) {
                notes.add(rules.reason("XA6.target", Map.of("goal", goal.localized()), cited(goal)));
            }
        }
        for (ParameterValue chain : parameters.value(StandardCatalog.CHAINS, on).list()) {
            if (chain.get("occupations").texts().contains(facts.occupationCode())) {
                notes.add(rules.reason("XA6.field", Map.of("field", chain.localized())));
            }
        }
        // XA-2025 names one special programme, the elder-care plan of §二(九)
        for (ParameterValue programme : parameters.value(StandardCatalog.PROGRAMMES, on).list()) {
            if (programme.get("occupations").texts().contains(facts.occupationCode())) {
                notes.add(rules.reason("XA5.programme", Map.of("programme", programme.localized()), cited(programme)));
                if (highSkilled) {
                    notes.add(rules.reason("XA5.directRecognition", Map.of(), cited(programme)));
                }
            }
        }
        if (facts.kind() == TrainingKind.APPRENTICESHIP) {
            notes.add(rules.reason("XA4.apprentice", Map.of("level", certified.label())));
        }
        // §二(四) "新技师": technician and senior technician, and the levels above them a fortiori
        if (certified != null && certified.compareTo(SkillLevel.TECHNICIAN) >= 0
                && (facts.kind() == TrainingKind.ENTERPRISE || facts.kind() == TrainingKind.APPRENTICESHIP)) {
            notes.add(rules.reason("XA4.technician", Map.of("level", certified.label())));
        }
        EmploymentOutcome employment = input.outcome().employment();
        if (!parameters.value(XianSubsidy.OUTCOME_FACTOR, on).has(employment.name())) {
            notes.add(rules.reason("XA3.none", Map.of("outcome", employment.label())));
        } else if (!XianSubsidy.withinWindow(input, parameters)) {
            notes.add(rules.reason("XA3.late", Map.of("outcome", employment.label(),
                    "employedOn", input.outcome().employedOn().toString(),
                    "months", parameters.value(XianSubsidy.EMPLOYMENT_WINDOW, on).decimal(),
                    "end", input.classFacts().endDate().toString())));
        }
        notes.add(rules.reason("XA7.costSharing"));
        return notes;
    }

    static List<Reason> flags(ClaimInput input, Parameters parameters) {
        BigDecimal minimum = parameters.value(XianSubsidy.MIN_PASS_RATE, input.classFacts().startDate()).decimal();
        BigDecimal rate = input.results().rate(input.results().passed());
        if (rate.compareTo(minimum) < 0) {
            return List.of(parameters.rules().reason("XA7.passRate", Map.of("rate", rate, "minimum", minimum)));
        }
        return List.of();
    }

    /** The clause an entry of a parameter names for itself (a goal, a programme). */
    private static Citation cited(ParameterValue entry) {
        return Citation.parse(entry.get("citation").text());
    }
}
