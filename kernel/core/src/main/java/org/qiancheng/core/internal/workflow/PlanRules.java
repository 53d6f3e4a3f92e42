package org.qiancheng.core.internal.workflow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.catalog.DemandEntry;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.model.RegionCodes;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.workflow.PlanDrafts.LineDraft;
import org.qiancheng.api.workflow.PlanLine;
import org.qiancheng.api.workflow.TrainingPlan;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.api.workflow.WorkflowException.Kind;
import org.qiancheng.persistence.WorkflowTx;

/**
 * The rules of the yearly training plan (年度培训计划), kernel-wide: a plan's lines come from the
 * region's demand catalogue (培训需求指导目录, the catalogue-driven demand); it is published at the start
 * of its year and adjusted at most once in the year; classes follow the published plans of their
 * region. Every refusal names the field and the rule, in Chinese and English.
 */
final class PlanRules {

    /** Most lines a plan has: one per occupation and level of a catalogue is far fewer. */
    static final int MAX_LINES = 500;
    /** The demand catalogue rule of a plan line's occupation. */
    static final String IN_DEMAND_CATALOGUE = "in:demand-catalogue";
    /** The rule of a class whose occupation no published plan of its region lists. */
    static final String IN_TRAINING_PLAN = "in:training-plan";

    private PlanRules() {
    }

    /** The year of a plan: 1900–2100, as every year the API takes. */
    static int year(String field, Integer year) {
        if (Checks.required(field, year) < 1900 || year > 2100) {
            throw Checks.invalid(field, "range:1900-2100", "must be a year from 1900 to 2100");
        }
        return year;
    }

    /**
     * The lines as sent, checked for shape: at least one and at most {@link #MAX_LINES}; each with an
     * occupation (at most 20 characters) and at least one trainee; an occupation and level once, and an
     * occupation either planned at any level (no level) or per level, never both.
     */
    static List<PlanLine> lines(List<LineDraft> drafts) {
        if (drafts == null || drafts.isEmpty()) {
            throw refused(Kind.INVALID, "lines", "min-items:1", new LocalizedText("计划至少须有一行",
                    "a plan has at least one line"));
        }
        if (drafts.size() > MAX_LINES) {
            throw refused(Kind.INVALID, "lines", "max-items:" + MAX_LINES, new LocalizedText(
                    "计划至多 " + MAX_LINES + " 行", "a plan has at most " + MAX_LINES + " lines"));
        }
        List<PlanLine> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            String at = "lines." + i;
            LineDraft draft = Checks.required(at, drafts.get(i));
            String occupation = Checks.text(at + ".occupationCode", draft.occupationCode(), 20);
            int trainees = Checks.atLeast(at + ".trainees", draft.trainees(), 1);
            String level = draft.level() == null ? "*" : draft.level().name();
            // an occupation planned at any level and per level at once would count its classes twice
            boolean clash = !seen.add(occupation + "|" + level) || (draft.level() == null
                    ? seen.stream().anyMatch(k -> k.startsWith(occupation + "|") && !k.endsWith("|*"))
                    : seen.contains(occupation + "|*"));
            if (clash) {
                throw refused(Kind.INVALID, at + ".occupationCode", "unique:occupation-level", new LocalizedText(
                        "职业 " + occupation + " 在计划中重复：每个职业（等级）只列一行，不分等级的一行与分等级的行不能并存",
                        "occupation " + occupation + " is planned twice: one line per occupation and level, and an"
                                + " occupation is planned either at any level or per level, not both"));
            }
            lines.add(new PlanLine(occupation, draft.level(), trainees));
        }
        return lines;
    }

    /**
     * Every line's occupation is in the region's demand catalogue in force on the day, and a line's
     * level, when it names one, is trained in that occupation [CN-2025 §四(十二): 培训需求指导目录].
     */
    static void inDemandCatalogue(PolicyRegistry registry, String region, LocalDate day, List<PlanLine> lines) {
        Catalog catalog = InForce.withPolicy(registry, "regionCode", region, day, policy -> policy.catalog(day));
        Set<String> demand = catalog.demand().stream().map(DemandEntry::occupationCode).collect(Collectors.toSet());
        for (int i = 0; i < lines.size(); i++) {
            PlanLine line = lines.get(i);
            if (!demand.contains(line.occupationCode())) {
                throw refused(Kind.INVALID, "lines." + i + ".occupationCode", IN_DEMAND_CATALOGUE, new LocalizedText(
                        "职业 " + line.occupationCode() + " 不在 " + region + " 于 " + day + " 的培训需求指导目录中",
                        "occupation " + line.occupationCode() + " is not in the demand catalogue of " + region
                                + " on " + day));
            }
            if (line.level() != null && !catalog.offers(line.occupationCode(), line.level())) {
                throw refused(Kind.INVALID, "lines." + i + ".level", "catalog", new LocalizedText(
                        "职业 " + line.occupationCode() + " 在 " + region + " 的培训目录中不开展 " + line.level()
                                + " 等级培训", "occupation " + line.occupationCode() + " is not trained at "
                                + line.level() + " in the catalogue of " + region + " on " + day));
            }
        }
    }

    /**
     * The day whose demand catalogue a plan's lines are checked against: the day they take effect, but
     * not before the plan's year starts (a plan published in the December before follows the catalogue
     * of the year it plans).
     */
    static LocalDate catalogueDay(int year, LocalDate effective) {
        LocalDate first = LocalDate.of(year, 1, 1);
        return effective.isBefore(first) ? first : effective;
    }

    /**
     * A class follows the published plans of its year covering its region (its county's, city's and
     * province's): when there are some and none lists the class's occupation at its level, the class
     * is refused. Without a published plan for the year there is nothing to follow.
     */
    static void classInPlan(WorkflowTx tx, ClassFacts facts) {
        int year = facts.startDate().getYear();
        Set<String> areas = new LinkedHashSet<>(List.of(facts.regionCode(), RegionCodes.city(facts.regionCode()),
                RegionCodes.province(facts.regionCode())));
        List<TrainingPlan> plans = areas.stream().map(area -> tx.plans().find(area, year).orElse(null))
                .filter(p -> p != null && p.published()).toList();
        if (plans.isEmpty() || plans.stream().anyMatch(p -> p.covers(facts.occupationCode(), facts.level()))) {
            return;
        }
        String regions = plans.stream().map(TrainingPlan::regionCode).collect(Collectors.joining(", "));
        throw refused(Kind.INVALID, "projectId", IN_TRAINING_PLAN, new LocalizedText(
                "职业 " + facts.occupationCode() + "（" + facts.level() + "）不在 " + regions + " 已发布的 " + year
                        + " 年度培训计划中，培训须按计划开展",
                "occupation " + facts.occupationCode() + " at " + facts.level() + " is in no published " + year
                        + " training plan of " + regions + "; training follows the plan"));
    }

    static WorkflowException refused(Kind kind, String field, String rule, LocalizedText message) {
        return new WorkflowException(kind, field, rule, message);
    }
}
