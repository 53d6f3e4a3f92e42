package org.qiancheng.region.xian;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.qiancheng.api.catalog.StandardCatalog;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.model.Certificate;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.spi.SubsidyPolicy;

/**
 * The Xi'an rules, as this bundle interprets them (texts and clauses in {@code rules.json}):
 * <ul>
 * <li>XA1 the differentiated base standard of occupation and level, plus up to 30% for a shortage
 *     occupation [§二(二)]; an occupation or level without a standard is refused;</li>
 * <li>XA2 online-only training at 70% [§二(二)];</li>
 * <li>XA3 150% after stable, 120% after flexible employment [§二(三)], when the employment began within
 *     {@code subsidy/employment_window_months} of the class's end (evidence that arrives after the
 *     claim is paid as the kernel's top-up, decided again by this version);</li>
 * <li>XA4 new-type apprentices only with an intermediate or senior certificate, new technicians with
 *     a technician or senior technician certificate [§二(四)];</li>
 * <li>XA5 the elder-care programme and direct recognition of senior levels [§二(九)];</li>
 * <li>XA6 the 200,000 / 30,000 targets and the key fields [§一];</li>
 * <li>XA7 a trainee who fails is refused and a class below the pass-rate threshold is flagged
 *     [§二(六)]; cost sharing [§三(二)].</li>
 * </ul>
 * The amount is S × (1 + uplift) × modeFactor × outcomeFactor, one line per step (see {@link XianAmount}).
 */
final class XianSubsidy implements SubsidyPolicy {

    static final String STANDARD = "subsidy/standard";
    static final String ONLINE_FACTOR = "subsidy/online_factor";
    static final String OUTCOME_FACTOR = "subsidy/outcome_factor";
    static final String APPRENTICE_LEVELS = "subsidy/apprentice_levels";
    static final String EMPLOYMENT_WINDOW = "subsidy/employment_window_months";
    static final String MIN_PASS_RATE = "evaluation/min_pass_rate";

    static List<ParameterSpec> specs() {
        // the bounds are the notice's ceilings: a city may pay less, never more
        return List.of(ParameterSpec.table(STANDARD).atLeast("0"),
                ParameterSpec.table(StandardCatalog.SHORTAGE).atLeast("0").atMost("0.30").boundBy("XA-2025 §二(二)"),
                ParameterSpec.number(ONLINE_FACTOR).atLeast("0").atMost("0.70").boundBy("XA-2025 §二(二)"),
                ParameterSpec.table(OUTCOME_FACTOR).atLeast("1").atMost("1.50").boundBy("XA-2025 §二(三)"),
                ParameterSpec.number(EMPLOYMENT_WINDOW).atLeast("1").atMost("24"),
                ParameterSpec.list(APPRENTICE_LEVELS),
                ParameterSpec.number(MIN_PASS_RATE).atLeast("0").atMost("1"));
    }

    @Override
    public Eligibility eligibility(TraineeFacts trainee, ClassFacts facts, Parameters parameters) {
        ParameterValue standard = parameters.value(STANDARD, facts.startDate());
        String code = facts.occupationCode();
        if (!standard.has(code) || !standard.get(code).has(facts.level().name())) {
            return Eligibility.refused(parameters.rules().reason("XA1.noStandard",
                    Map.of("occupation", code, "level", facts.level().label())));
        }
        return Eligibility.granted();
    }

    @Override
    public SubsidyDecision decide(ClaimInput input, Parameters parameters) {
        ClassFacts facts = input.classFacts();
        Eligibility eligibility = eligibility(input.trainee(), facts, parameters);
        if (!eligibility.eligible()) {
            return SubsidyDecision.refused(eligibility);
        }
        if (!input.outcome().passed()) {
            // the performance evaluation of §二(六) is centred on the pass rate: only a pass is paid
            return SubsidyDecision.refused(parameters.rules().reason("XA7.failed"));
        }
        if (facts.kind() == TrainingKind.APPRENTICESHIP) {
            List<String> levels = parameters.value(APPRENTICE_LEVELS, facts.startDate()).texts();
            Certificate certificate = input.outcome().certificate();
            if (certificate == null || certificate.level() == null || !levels.contains(certificate.level().name())) {
                return SubsidyDecision.refused(parameters.rules().reason("XA4.apprenticeLevel",
                        Map.of("levels", levels.stream().map(level -> SkillLevel.valueOf(level).label()).toList())));
            }
        }
        return SubsidyDecision.granted(XianAmount.lines(input, parameters), XianNotes.notes(input, parameters),
                XianNotes.flags(input, parameters));
    }

    /**
     * Whether the trainee's employment began no later than the window after the class ended: the
     * outcome factor pays for employment that follows the training, not for any job found later.
     */
    static boolean withinWindow(ClaimInput input, Parameters parameters) {
        LocalDate employedOn = input.outcome().employedOn();
        if (employedOn == null) {
            return true;
        }
        ClassFacts facts = input.classFacts();
        int months = parameters.value(EMPLOYMENT_WINDOW, facts.startDate()).decimal().intValueExact();
        return !employedOn.isAfter(facts.endDate().plusMonths(months));
    }
}
