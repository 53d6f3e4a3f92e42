package ${package};

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.catalog.Occupation;
import org.qiancheng.api.catalog.ShortageEntry;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.spi.TrainingCatalog;

/**
 * What this city adds to its province's catalogue: local occupations ({@code local/occupations},
 * added to the province's) and the local shortage list ({@code catalog/shortage}: named like the
 * province's file, so it also replaces the province's list where the province reads one). The
 * platform merges this catalogue into the province's, same codes replaced.
 */
final class LocalCatalog implements TrainingCatalog {

    static final String OCCUPATIONS = "local/occupations";
    static final String SHORTAGE = "catalog/shortage";
    static final ParameterSpec OCCUPATIONS_SPEC = ParameterSpec.list(OCCUPATIONS);
    static final ParameterSpec SHORTAGE_SPEC = ParameterSpec.table(SHORTAGE).atLeast("0").atMost("0.30");

    private final String region;

    LocalCatalog(String region) {
        this.region = region;
    }

    @Override
    public Catalog catalog(LocalDate on, Parameters parameters) {
        List<Occupation> occupations = new ArrayList<>();
        for (ParameterValue entry : parameters.value(OCCUPATIONS, on).list()) {
            Set<SkillLevel> levels = EnumSet.noneOf(SkillLevel.class);
            entry.get("levels").texts().forEach(level -> levels.add(SkillLevel.valueOf(level)));
            occupations.add(new Occupation(entry.get("code").text(),
                    new LocalizedText(entry.get("zh").text(), entry.get("en").text()), levels, List.of()));
        }
        List<ShortageEntry> shortage = new ArrayList<>();
        ParameterValue table = parameters.value(SHORTAGE, on);
        for (String code : table.keys()) {
            shortage.add(new ShortageEntry(code, table.get(code).decimal()));
        }
        return new Catalog(region, on, occupations, shortage, List.of(), List.of(), List.of(), Set.of(),
                parameters.isSample(SHORTAGE));
    }
}
