package org.qiancheng.region.sichuan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassResults;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.engine.Scenarios;
import org.qiancheng.engine.StandalonePolicy;

/**
 * SC2 / SC3: the claims of every enrolled trainee of one class add up to the class formula of the
 * version built here — SC-2021 {@code standard}: S per trainee who passed; SC-2025
 * {@code base-plus-assessment}: {@code (1−a)·S·f·passed + a·S·(w_c·cert + w_e·emp + w_n·entr)·enrolled},
 * the rates over the enrolled. A class of 10 enrolled, 6 passed, 5 certified, 3 employed.
 */
class SichuanClassSumTest {

    private static final int ENROLLED = 10;
    private static final int PASSED = 6;
    private static final int CERTIFIED = 5;
    private static final int EMPLOYED = 3;

    @Test
    void theClaimsOfAClassAddUpToTheClassFormula() throws Exception {
        SichuanPolicy policy = new SichuanPolicy();
        StandalonePolicy loaded = StandalonePolicy.load(policy, "test", null, "test");
        Parameters parameters = loaded.parameters();
        LocalDate start = policy.descriptor().period().from().plusMonths(1);

        BigDecimal sum = BigDecimal.ZERO;
        List<SubsidyDecision> decisions = new ArrayList<>();
        for (int i = 0; i < ENROLLED; i++) {
            boolean passed = i < PASSED;
            boolean certified = i < CERTIFIED;
            boolean employed = i >= ENROLLED - EMPLOYED;
            SubsidyDecision decision = loaded.decide(input(start, passed, certified, employed)).result();
            decisions.add(decision);
            sum = sum.add(decision.amount());
        }

        ClaimInput any = input(start, true, true, true);
        BigDecimal s = CityStandard.of(any.classFacts(), parameters).amount();
        ClassResults results = any.results();
        BigDecimal expected;
        String formula = parameters.value(Formula.FORMULA, start).text();
        if (Formula.STANDARD_ONLY.equals(formula)) {
            expected = s.multiply(new BigDecimal(PASSED));
            assertTrue(decisions.subList(PASSED, ENROLLED).stream().noneMatch(d -> d.eligibility().eligible()),
                    "2021: a trainee who did not pass is refused");
        } else {
            BigDecimal a = parameters.value(Formula.SHARE, start).decimal();
            ParameterValue w = parameters.value(Formula.WEIGHTS, start);
            BigDecimal threshold = parameters.value(Formula.SATISFACTION, start).decimal();
            BigDecimal f = results.satisfaction().compareTo(threshold) < 0
                    ? results.satisfaction().divide(threshold, MathContext.DECIMAL64) : BigDecimal.ONE;
            BigDecimal composite = w.decimal("certificate").multiply(results.rate(CERTIFIED))
                    .add(w.decimal("employment").multiply(results.rate(EMPLOYED)))
                    .add(w.decimal("entrepreneurship").multiply(results.rate(0)));
            BigDecimal base = BigDecimal.ONE.subtract(a).multiply(s).multiply(f).multiply(new BigDecimal(PASSED));
            BigDecimal assessment = a.multiply(s).multiply(composite).multiply(new BigDecimal(ENROLLED));
            expected = base.add(assessment);
            assertTrue(decisions.stream().allMatch(d -> d.eligibility().eligible()),
                    "SC-2025: every enrolled trainee has a claim");
        }
        assertEquals(expected.setScale(2, RoundingMode.HALF_UP), sum.setScale(2, RoundingMode.HALF_UP),
                "the " + formula + " claims of " + ENROLLED + " enrolled, standard " + s);
    }

    private static ClaimInput input(LocalDate start, boolean passed, boolean certified, boolean employed) {
        String json = "{\"class\": {\"region\": \"511302\", \"occupation\": \"6-31-01-03\", \"level\": \"JUNIOR\","
                + " \"mode\": \"OFFLINE\", \"kind\": \"GENERAL\", \"startDate\": \"" + start + "\", \"endDate\": \""
                + start.plusDays(29) + "\", \"hours\": 80},"
                + " \"results\": {\"enrolled\": " + ENROLLED + ", \"evaluated\": " + ENROLLED + ", \"passed\": "
                + PASSED + ", \"certified\": " + CERTIFIED + ", \"employed\": " + EMPLOYED
                + ", \"entrepreneurs\": 0, \"satisfaction\": 0.9},"
                + " \"trainee\": {\"idNumber\": \"510104199001011230\"},"
                + " \"outcome\": {\"passed\": " + passed
                + (certified ? ", \"certificate\": {\"kind\": \"SKILL_LEVEL\", \"level\": \"JUNIOR\", \"issuedOn\": \""
                        + start.plusDays(40) + "\"}" : "")
                + (employed ? ", \"employment\": \"STABLE\", \"employedOn\": \"" + start.plusDays(50) + "\""
                        : ", \"employment\": \"NONE\"")
                + "}}";
        return Scenarios.parse(json, "510000").input();
    }
}
