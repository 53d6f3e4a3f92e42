package org.qiancheng.api.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TargetGroup;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.spi.TrainingCatalog;

/**
 * A catalogue read from standard parameter files, so that a region writes no code for it.
 * {@code catalog/occupations} is required; the other parts are read when the policy declares them:
 *
 * <pre>
 * catalog/occupations   [{"code", "zh", "en", "levels": ["JUNIOR", …], "tags": [...]}]
 * catalog/shortage      {"occupation code": uplift, …}
 * catalog/chains        [{"code", "zh", "en", "occupations": [...]}]
 * catalog/demand        [{"occupation", "side": "INDUSTRY"|"EMPLOYER"|"WORKER", "headcount"}]
 * catalog/programmes    [{"code", "zh", "en", "occupations": [...], "citation": "CN-2025 §二(六)"}]
 * catalog/focus_groups  ["MIGRANT_WORKER", …]
 * </pre>
 *
 * @since 1.1
 */
public final class StandardCatalog implements TrainingCatalog {

    public static final String OCCUPATIONS = "catalog/occupations";
    public static final String SHORTAGE = "catalog/shortage";
    public static final String CHAINS = "catalog/chains";
    public static final String DEMAND = "catalog/demand";
    public static final String PROGRAMMES = "catalog/programmes";
    public static final String FOCUS_GROUPS = "catalog/focus_groups";

    private final String regionCode;

    /** @param regionCode the region the catalogue belongs to */
    public StandardCatalog(String regionCode) {
        this.regionCode = regionCode;
    }

    /**
     * Specs for the parts without bounds of their own; a region adds {@link #SHORTAGE} with its
     * own uplift bounds when it has a shortage list.
     *
     * @return specs of occupations, chains, demand, programmes and focus groups
     */
    public static List<ParameterSpec> specs() {
        return List.of(ParameterSpec.list(OCCUPATIONS), ParameterSpec.list(CHAINS), ParameterSpec.list(DEMAND),
                ParameterSpec.list(PROGRAMMES), ParameterSpec.list(FOCUS_GROUPS));
    }

    /**
     * Reads an occupation list in the format of {@code catalog/occupations}.
     *
     * @param list {@code [{"code", "zh", "en", "levels": [...], "tags": [...]}]}, tags optional
     * @return the occupations in list order
     */
    public static List<Occupation> occupations(ParameterValue list) {
        List<Occupation> occupations = new ArrayList<>();
        for (ParameterValue entry : list.list()) {
            Set<SkillLevel> levels = EnumSet.noneOf(SkillLevel.class);
            entry.get("levels").texts().forEach(level -> levels.add(SkillLevel.valueOf(level)));
            occupations.add(new Occupation(entry.get("code").text(), name(entry), levels,
                    entry.find("tags").map(ParameterValue::texts).orElse(List.of())));
        }
        return occupations;
    }

    /**
     * Reads a shortage list in the format of {@code catalog/shortage}.
     *
     * @param table {@code {"occupation code": uplift}}
     * @return the entries in file order
     */
    public static List<ShortageEntry> shortage(ParameterValue table) {
        return table.keys().stream().map(code -> new ShortageEntry(code, table.get(code).decimal())).toList();
    }

    @Override
    public Catalog catalog(LocalDate on, Parameters parameters) {
        List<Occupation> occupations = occupations(parameters.value(OCCUPATIONS, on));
        List<ShortageEntry> shortage = parameters.declares(SHORTAGE) ? shortage(parameters.value(SHORTAGE, on))
                : List.of();
        List<IndustryChain> chains = new ArrayList<>();
        for (ParameterValue entry : optional(parameters, CHAINS, on)) {
            chains.add(new IndustryChain(entry.get("code").text(), name(entry), entry.get("occupations").texts()));
        }
        List<DemandEntry> demand = new ArrayList<>();
        for (ParameterValue entry : optional(parameters, DEMAND, on)) {
            demand.add(new DemandEntry(entry.get("occupation").text(), DemandSide.valueOf(entry.get("side").text()),
                    entry.find("headcount").map(ParameterValue::decimal).orElse(BigDecimal.ZERO).intValueExact()));
        }
        List<Programme> programmes = new ArrayList<>();
        for (ParameterValue entry : optional(parameters, PROGRAMMES, on)) {
            programmes.add(new Programme(entry.get("code").text(), name(entry), entry.get("occupations").texts(),
                    Citation.parse(entry.get("citation").text())));
        }
        Set<TargetGroup> focus = EnumSet.noneOf(TargetGroup.class);
        for (ParameterValue group : optional(parameters, FOCUS_GROUPS, on)) {
            focus.add(TargetGroup.valueOf(group.text()));
        }
        return new Catalog(regionCode, on, occupations, shortage, chains, demand, programmes, focus,
                parameters.isSample(OCCUPATIONS));
    }

    private static List<ParameterValue> optional(Parameters parameters, String name, LocalDate on) {
        return parameters.declares(name) ? parameters.value(name, on).list() : List.of();
    }

    private static LocalizedText name(ParameterValue entry) {
        return new LocalizedText(entry.get("zh").text(), entry.get("en").text());
    }
}
