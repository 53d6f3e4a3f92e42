package org.qiancheng.region.jiangsu;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.model.TargetGroup;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.Parameters;

/**
 * JS3: the entitlement of the groups in {@code eligibility/family_groups} extends to their immediate
 * family members, "待遇等同于本人", so such a trainee is treated as belonging to the group.
 * JS5: the groups in {@code allowance/living_groups} get a living allowance per training day, for at
 * most {@code allowance/living_max_days} days.
 */
final class Allowances {

    static final String FAMILY_GROUPS = "eligibility/family_groups";
    static final String LIVING_GROUPS = "allowance/living_groups";
    static final String PER_DAY = "allowance/living_per_day";
    static final String MAX_DAYS = "allowance/living_max_days";

    private Allowances() {
    }

    static List<ParameterSpec> specs() {
        return List.of(ParameterSpec.list(FAMILY_GROUPS), ParameterSpec.list(LIVING_GROUPS),
                ParameterSpec.number(PER_DAY).atLeast("0"), ParameterSpec.number(MAX_DAYS).atLeast("0"));
    }

    /** @return the trainee's own groups plus those extended from the family (JS3) */
    static Set<TargetGroup> groups(TraineeFacts trainee, LocalDate on, Parameters parameters) {
        Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
        groups.addAll(trainee.groups());
        groups.addAll(extended(trainee, on, parameters));
        return groups;
    }

    /** @return the JS3 note when the trainee is treated as a member of a family member's group */
    static Optional<Reason> familyNote(TraineeFacts trainee, LocalDate on, Parameters parameters) {
        Set<TargetGroup> extended = extended(trainee, on, parameters);
        if (extended.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parameters.rules().reason("JS3",
                Map.of("groups", extended.stream().map(TargetGroup::label).toList())));
    }

    /** @return the living allowance line, when one of the trainee's groups qualifies */
    static Optional<LineItem> living(Set<TargetGroup> groups, ClassFacts facts, Parameters parameters) {
        LocalDate on = facts.startDate();
        boolean qualifies = parameters.value(LIVING_GROUPS, on).texts().stream()
                .anyMatch(name -> groups.contains(TargetGroup.valueOf(name)));
        if (!qualifies) {
            return Optional.empty();
        }
        // both the first and the last day of the class are training days
        long days = ChronoUnit.DAYS.between(facts.startDate(), facts.endDate()) + 1;
        BigDecimal paid = BigDecimal.valueOf(days).min(parameters.value(MAX_DAYS, on).decimal());
        BigDecimal perDay = parameters.value(PER_DAY, on).decimal();
        return Optional.of(parameters.rules().line("JS5", perDay.multiply(paid), Map.of("perDay", perDay, "days", paid)));
    }

    private static Set<TargetGroup> extended(TraineeFacts trainee, LocalDate on, Parameters parameters) {
        Set<TargetGroup> extended = EnumSet.noneOf(TargetGroup.class);
        for (String name : parameters.value(FAMILY_GROUPS, on).texts()) {
            TargetGroup group = TargetGroup.valueOf(name);
            if (trainee.familyGroups().contains(group) && !trainee.belongsTo(group)) {
                extended.add(group);
            }
        }
        return extended;
    }
}
