package org.qiancheng.region.jiangsu;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.TargetGroup;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.report.StandardReports;
import org.qiancheng.api.spi.SubsidyPolicy;

/**
 * The Jiangsu decision, each step cited in the trace: eligibility (JS1 place and caps, JS2) is
 * checked again when deciding; 以工代训 is paid per month (JS6); any other class is paid the
 * certificate standard with its shortage uplift (JS1) plus the living allowance (JS5), with family
 * members of some groups treated as members (JS3); enterprise and project-based training may be
 * paid partly in advance (JS4); the claim counts toward the 2019–2021 targets (JS7).
 */
final class JiangsuSubsidy implements SubsidyPolicy {

    static final String ADVANCE_SHARE = "subsidy/advance_share";

    private final JiangsuEligibility eligibility;

    JiangsuSubsidy(String province) {
        this.eligibility = new JiangsuEligibility(province);
    }

    static List<ParameterSpec> specs() {
        List<ParameterSpec> specs = new ArrayList<>(JiangsuEligibility.specs());
        specs.addAll(CertificateSubsidy.specs());
        specs.addAll(Allowances.specs());
        specs.addAll(WorkBasedSubsidy.specs());
        specs.add(ParameterSpec.number(ADVANCE_SHARE).atLeast("0").atMost("0.50").boundBy("JS-2019 §三(十四)"));
        return specs;
    }

    @Override
    public Eligibility eligibility(TraineeFacts trainee, ClassFacts facts, Parameters parameters) {
        return eligibility.check(trainee, facts, parameters);
    }

    @Override
    public SubsidyDecision decide(ClaimInput input, Parameters parameters) {
        ClassFacts facts = input.classFacts();
        LocalDate on = facts.startDate();
        // checked again: subsidies granted since enrolment count toward the caps
        Eligibility granted = eligibility(input.trainee(), facts, parameters);
        if (!granted.eligible()) {
            return SubsidyDecision.refused(granted);
        }
        List<LineItem> lines = new ArrayList<>();
        List<Reason> notes = new ArrayList<>();
        Allowances.familyNote(input.trainee(), on, parameters).ifPresent(notes::add);
        if (facts.kind() == TrainingKind.WORK_BASED) {
            lines.add(WorkBasedSubsidy.line(facts, parameters));
            WorkBasedSubsidy.beyondMaximum(facts, parameters).ifPresent(notes::add);
        } else {
            Optional<Reason> refusal = CertificateSubsidy.refusal(input, parameters);
            if (refusal.isPresent()) {
                return SubsidyDecision.refused(refusal.get());
            }
            lines.addAll(CertificateSubsidy.lines(input, parameters));
            // 以工代训 trainees are employed and paid wages, so the living allowance is for the other kinds
            Set<TargetGroup> groups = Allowances.groups(input.trainee(), on, parameters);
            Allowances.living(groups, facts, parameters).ifPresent(lines::add);
        }
        BigDecimal advance = advance(facts, parameters, notes);
        notes.addAll(targets(facts, parameters));
        return SubsidyDecision.granted(lines, notes, List.of()).withAdvanceShare(advance);
    }

    /** JS4: only enterprise training and project-based training may be paid in advance. */
    private static BigDecimal advance(ClassFacts facts, Parameters parameters, List<Reason> notes) {
        if (facts.kind() != TrainingKind.ENTERPRISE && facts.kind() != TrainingKind.PROJECT) {
            return BigDecimal.ZERO;
        }
        BigDecimal share = parameters.value(ADVANCE_SHARE, facts.startDate()).decimal();
        notes.add(parameters.rules().reason("JS4", Map.of("share", share)));
        return share;
    }

    /**
     * JS7: the goals in force on the class's start date that the claim counts toward: every
     * training counts toward the trainings goals, an apprenticeship also toward the apprentices goal.
     */
    private static List<Reason> targets(ClassFacts facts, Parameters parameters) {
        List<Reason> notes = new ArrayList<>();
        for (ParameterValue goal : parameters.value(StandardReports.GOALS, facts.startDate()).list()) {
            String measure = goal.get("measure").text();
            boolean counts = "enrolled".equals(measure)
                    || "apprentices".equals(measure) && facts.kind() == TrainingKind.APPRENTICESHIP;
            if (counts) {
                notes.add(parameters.rules().reason("JS7", Map.of("goal", goal.localized(),
                        "target", goal.get("target").decimal()), Citation.parse(goal.get("citation").text())));
            }
        }
        return notes;
    }
}
