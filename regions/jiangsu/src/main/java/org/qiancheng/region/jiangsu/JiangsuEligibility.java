package org.qiancheng.region.jiangsu;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.model.PriorSubsidy;
import org.qiancheng.api.model.RegionCodes;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.Parameters;

/**
 * Who may be subsidised for a class, checked at enrolment and again when the claim is decided,
 * so that a subsidy granted to the same trainee in between still counts. Every broken condition is
 * reported at once, so a refused trainee learns everything in one answer:
 * JS2 no monthly pension; JS1 a class in Jiangsu in the city of household registration or
 * residence, at most {@code subsidy/max_per_year} subsidies in the class's calendar year, and never
 * the same occupation at the same level twice.
 */
final class JiangsuEligibility {

    static final String MAX_PER_YEAR = "subsidy/max_per_year";

    private final String province;

    JiangsuEligibility(String province) {
        this.province = province;
    }

    static List<ParameterSpec> specs() {
        return List.of(ParameterSpec.number(MAX_PER_YEAR).atLeast("1").atMost("3").boundBy("JS-2019 §三(十四)"));
    }

    Eligibility check(TraineeFacts trainee, ClassFacts facts, Parameters parameters) {
        List<Reason> refusals = new ArrayList<>();
        if (trainee.receivesPension()) {
            refusals.add(parameters.rules().reason("JS2"));
        }
        place(trainee, facts, parameters).ifPresent(refusals::add);
        perYear(trainee, facts, parameters, refusals);
        for (PriorSubsidy prior : trainee.priorSubsidies()) {
            if (prior.occupationCode().equals(facts.occupationCode()) && prior.level() == facts.level()) {
                refusals.add(parameters.rules().reason("JS1.repeat", Map.of("classStart", prior.classStart(),
                        "occupation", facts.occupationCode(), "level", facts.level().label())));
                break;
            }
        }
        return refusals.isEmpty() ? Eligibility.granted() : new Eligibility(false, refusals);
    }

    /**
     * The notice subsidises training in the place of household registration, residence or job
     * seeking; the facts carry no job-seeking place, so the class must be in the prefecture city of
     * the household registration or of the residence, and in this province.
     */
    private Optional<Reason> place(TraineeFacts trainee, ClassFacts facts, Parameters parameters) {
        String city = RegionCodes.city(facts.regionCode());
        boolean inProvince = RegionCodes.province(facts.regionCode()).equals(province);
        boolean nearHome = city.equals(RegionCodes.city(trainee.householdRegion()))
                || city.equals(RegionCodes.city(trainee.residenceRegion()));
        if (inProvince && nearHome) {
            return Optional.empty();
        }
        return Optional.of(parameters.rules().reason("JS1.place", Map.of("classRegion", facts.regionCode(),
                "household", trainee.householdRegion(), "residence", trainee.residenceRegion())));
    }

    /** Counts subsidies of classes starting in the same calendar year as this one. */
    private static void perYear(TraineeFacts trainee, ClassFacts facts, Parameters parameters, List<Reason> refusals) {
        int year = facts.startDate().getYear();
        long used = trainee.priorSubsidies().stream().filter(p -> p.classStart().getYear() == year).count();
        BigDecimal maximum = parameters.value(MAX_PER_YEAR, facts.startDate()).decimal();
        if (BigDecimal.valueOf(used).compareTo(maximum) >= 0) {
            refusals.add(parameters.rules().reason("JS1.perYear", Map.of("year", year, "used", used, "maximum", maximum)));
        }
    }
}
