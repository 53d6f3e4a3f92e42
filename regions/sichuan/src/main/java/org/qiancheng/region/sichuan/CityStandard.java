package org.qiancheng.region.sichuan;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.model.RegionCodes;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;

/**
 * SC3: cities (市州) set differentiated standards [SC-2025 §三(十一)]. {@code subsidy/standard} is
 * keyed by region code, then occupation, then level; the table of the class's own region (a county
 * that has one), else of its city ({@link RegionCodes#city}), else the provincial default
 * ({@link RegionCodes#province}, {@code 510000}) applies — per occupation and level, so a city
 * table need only list what it overrides.
 *
 * @param table the region code whose table applied
 * @param amount the standard per trainee, in yuan
 * @param provincial whether the provincial default applied
 */
record CityStandard(String table, BigDecimal amount, boolean provincial) {

    static final String STANDARD = "subsidy/standard";

    /** @return the standard for the class's occupation and level, from the most local table that has it */
    static CityStandard of(ClassFacts facts, Parameters parameters) {
        ParameterValue tables = parameters.value(STANDARD, facts.startDate());
        String occupation = facts.occupationCode();
        String level = facts.level().name();
        String province = RegionCodes.province(facts.regionCode());
        Set<String> keys = new LinkedHashSet<>();
        keys.add(facts.regionCode());
        keys.add(RegionCodes.city(facts.regionCode()));
        for (String key : keys) {
            if (!key.equals(province) && tables.has(key) && tables.get(key).has(occupation)
                    && tables.get(key).get(occupation).has(level)) {
                return new CityStandard(key, tables.decimal(key, occupation, level), false);
            }
        }
        return new CityStandard(province, tables.decimal(province, occupation, level), true);
    }

    /** @return the SC3 note naming the table that applied */
    Reason note(Parameters parameters) {
        return parameters.rules().reason(provincial ? "SC3.provincial" : "SC3.city",
                Map.of("table", table, "amount", amount));
    }
}
