package org.qiancheng.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.ClassResults;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.Certificate;
import org.qiancheng.api.model.CertificateKind;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.model.InvalidResidentIdException;
import org.qiancheng.api.model.PriorSubsidy;
import org.qiancheng.api.model.RegionCodes;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TargetGroup;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.model.TrainingMode;
import org.qiancheng.engine.internal.Fields;
import org.qiancheng.engine.internal.Json;
import org.qiancheng.engine.internal.JsonException;

/**
 * Reads the scenario format (see {@code docs/testkit.md}) into API records, reporting every broken
 * input rule with its field path. The same reader serves {@code POST /api/v1/claims/preview} and
 * the {@code input} of case files, so a case file input can be posted as a preview unchanged.
 */
public final class Scenarios {

    private static final List<String> TOP = List.of("region", "version", "class", "results", "trainee", "outcome");

    private Scenarios() {
    }

    /**
     * @param json a scenario document
     * @param defaultRegion the region when the document names none (a case file's policy), or
     *     {@code null} when {@code region} is required (a preview)
     * @return the scenario
     * @throws InvalidScenarioException listing every broken rule
     */
    public static Scenario parse(String json, String defaultRegion) {
        Object tree;
        try {
            tree = Json.parse(json);
        } catch (JsonException e) {
            throw new InvalidScenarioException(List.of(new Violation("$", "json", e.getMessage())));
        }
        return read(tree, defaultRegion);
    }

    /**
     * As {@link #parse(String, String)}, from an already parsed tree.
     */
    public static Scenario read(Object tree, String defaultRegion) {
        List<Violation> violations = new ArrayList<>();
        Fields top = new Fields("", tree, violations, TOP);
        String region = regionCode(top, "region", defaultRegion == null, defaultRegion);
        String version = top.text("version", false);
        ClassFacts classFacts = classFacts(new Fields("class", top.raw("class"), violations,
                List.of("region", "occupation", "level", "mode", "kind", "startDate", "endDate", "hours")), region);
        TraineeOutcome outcome = outcome(new Fields("outcome", top.raw("outcome"), violations,
                List.of("passed", "certificate", "employment", "employedOn")), violations);
        LocalDate ageDay = classFacts == null ? LocalDate.now() : classFacts.startDate();
        TraineeFacts trainee = trainee(new Fields("trainee", top.raw("trainee"), violations, List.of("idNumber",
                "groups", "familyGroups", "householdRegion", "residenceRegion", "receivesPension", "priorSubsidies")),
                ageDay, violations);
        ClassResults results = top.has("results")
                ? results(new Fields("results", top.raw("results"), violations, List.of("enrolled", "evaluated",
                        "passed", "certified", "employed", "entrepreneurs", "satisfaction", "surveyed")))
                : outcome == null ? null : classOfOne(outcome);
        if (!violations.isEmpty()) {
            throw new InvalidScenarioException(violations);
        }
        String asked = region != null ? region : classFacts.regionCode();
        return new Scenario(asked, version, new ClaimInput(classFacts, results, trainee, outcome));
    }

    static ClassFacts classFacts(Fields f, String region) {
        if (!f.present()) {
            return null;
        }
        String classRegion = regionCode(f, "region", region == null, region);
        String occupation = f.text("occupation", true);
        SkillLevel level = f.enumeration("level", SkillLevel.class, true);
        TrainingMode mode = f.enumeration("mode", TrainingMode.class, true);
        TrainingKind kind = f.has("kind") ? f.enumeration("kind", TrainingKind.class, true) : TrainingKind.GENERAL;
        LocalDate start = f.date("startDate", true);
        LocalDate end = f.date("endDate", true);
        Integer hours = f.integer("hours", true, 0);
        if (start != null && end != null && end.isBefore(start)) {
            f.violation("endDate", "not-before:startDate", "must not be before startDate " + start);
            return null;
        }
        if (classRegion == null || occupation == null || level == null || mode == null || kind == null
                || start == null || end == null || hours == null) {
            return null;
        }
        return new ClassFacts(classRegion, occupation, level, mode, kind, start, end, hours);
    }

    static ClassResults results(Fields f) {
        if (!f.present()) {
            return null;
        }
        Integer enrolled = f.integer("enrolled", true, 0);
        Integer evaluated = f.integer("evaluated", true, 0);
        Integer passed = f.integer("passed", true, 0);
        Integer certified = f.integer("certified", true, 0);
        Integer employed = f.integer("employed", true, 0);
        Integer entrepreneurs = f.integer("entrepreneurs", true, 0);
        // a class with no survey recorded: the kernel assumes 1, and a policy paying on satisfaction flags it
        Boolean surveyed = f.has("surveyed") ? f.flag("surveyed", true) : Boolean.TRUE;
        BigDecimal satisfaction = BigDecimal.ONE;
        if (Boolean.FALSE.equals(surveyed)) {
            if (f.has("satisfaction")) {
                f.violation("satisfaction", "absent-when:surveyed=false",
                        "must be absent when surveyed is false: the kernel assumes 1 without a survey");
                return null;
            }
        } else {
            satisfaction = f.decimal("satisfaction", true, BigDecimal.ZERO, BigDecimal.ONE);
        }
        if (enrolled == null || evaluated == null || passed == null || certified == null || employed == null
                || entrepreneurs == null || satisfaction == null || surveyed == null) {
            return null;
        }
        for (String count : List.of("evaluated", "passed", "certified")) {
            if (((BigDecimal) f.raw(count)).intValue() > enrolled) {
                f.violation(count, "maximum:enrolled", "must not exceed enrolled " + enrolled);
                return null;
            }
        }
        if (employed + entrepreneurs > enrolled) {
            f.violation("employed", "maximum:enrolled", "employed + entrepreneurs must not exceed enrolled " + enrolled);
            return null;
        }
        return new ClassResults(enrolled, evaluated, passed, certified, employed, entrepreneurs, satisfaction,
                surveyed);
    }

    /** Without class results, the trainee is taken as a class of one. */
    private static ClassResults classOfOne(TraineeOutcome outcome) {
        int employed = outcome.employment() == EmploymentOutcome.STABLE
                || outcome.employment() == EmploymentOutcome.FLEXIBLE ? 1 : 0;
        int entrepreneur = outcome.employment() == EmploymentOutcome.ENTREPRENEURSHIP ? 1 : 0;
        return new ClassResults(1, 1, outcome.passed() ? 1 : 0, outcome.certificate() == null ? 0 : 1, employed,
                entrepreneur, BigDecimal.ONE);
    }

    private static TraineeFacts trainee(Fields f, LocalDate ageDay, List<Violation> violations) {
        if (!f.present()) {
            return null;
        }
        ResidentId id = null;
        String number = f.text("idNumber", true);
        if (number != null) {
            try {
                id = ResidentId.parse(number, ageDay);
            } catch (InvalidResidentIdException e) {
                f.violation("idNumber", "gb11643:" + e.rule(), e.getMessage());
            }
        }
        Set<TargetGroup> groups = f.enumerations("groups", TargetGroup.class);
        Set<TargetGroup> family = f.enumerations("familyGroups", TargetGroup.class);
        String household = regionCode(f, "householdRegion", false, id == null ? null : id.regionCode());
        String residence = regionCode(f, "residenceRegion", false, household);
        Boolean pension = f.has("receivesPension") ? f.flag("receivesPension", true) : Boolean.FALSE;
        List<PriorSubsidy> prior = new ArrayList<>();
        List<?> listed = f.list("priorSubsidies");
        for (int i = 0; i < listed.size(); i++) {
            PriorSubsidy subsidy = prior(new Fields(f.field("priorSubsidies") + "[" + i + "]", listed.get(i), violations,
                    List.of("classStart", "region", "occupation", "level", "amount")));
            if (subsidy != null) {
                prior.add(subsidy);
            }
        }
        if (id == null || household == null || residence == null || pension == null) {
            return null;
        }
        return new TraineeFacts(id, groups, family, household, residence, pension, prior);
    }

    private static PriorSubsidy prior(Fields f) {
        if (!f.present()) {
            return null;
        }
        LocalDate start = f.date("classStart", true);
        String region = regionCode(f, "region", true, null);
        String occupation = f.text("occupation", true);
        SkillLevel level = f.enumeration("level", SkillLevel.class, true);
        BigDecimal amount = f.decimal("amount", true, BigDecimal.ZERO, null);
        if (start == null || region == null || occupation == null || level == null || amount == null) {
            return null;
        }
        return new PriorSubsidy(start, region, occupation, level, amount);
    }

    private static TraineeOutcome outcome(Fields f, List<Violation> violations) {
        if (!f.present()) {
            return null;
        }
        Boolean passed = f.flag("passed", true);
        Certificate certificate = null;
        if (f.has("certificate")) {
            Fields c = new Fields(f.field("certificate"), f.raw("certificate"), violations,
                    List.of("kind", "level", "issuedOn"));
            CertificateKind kind = c.enumeration("kind", CertificateKind.class, true);
            SkillLevel level = c.has("level") ? c.enumeration("level", SkillLevel.class, true) : null;
            LocalDate issued = c.date("issuedOn", true);
            if (kind != null && issued != null) {
                certificate = new Certificate(kind, level, issued);
            }
        }
        EmploymentOutcome employment = f.has("employment")
                ? f.enumeration("employment", EmploymentOutcome.class, true) : EmploymentOutcome.NONE;
        LocalDate employedOn = f.date("employedOn", false);
        if (employment != null && employment != EmploymentOutcome.NONE && !f.has("employedOn")) {
            f.violation("employedOn", "required", "is required when employment is " + employment);
        }
        if (passed == null || employment == null) {
            return null;
        }
        return new TraineeOutcome(passed, certificate, employment, employedOn);
    }

    private static String regionCode(Fields f, String name, boolean required, String fallback) {
        if (!f.has(name)) {
            if (required && fallback == null) {
                f.violation(name, "required", "is required");
            }
            return fallback;
        }
        String code = f.text(name, true);
        if (code != null && !RegionCodes.isValid(code)) {
            f.violation(name, "gb2260", "must be a GB/T 2260 region code of six digits");
            return null;
        }
        return code;
    }
}
