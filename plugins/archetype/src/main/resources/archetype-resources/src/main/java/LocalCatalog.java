package ${package};

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.catalog.StandardCatalog;
import org.qiancheng.api.parameter.ParameterSpec;
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
        // the same file formats as the province's catalogue, read by the API's own readers
        return new Catalog(region, on, StandardCatalog.occupations(parameters.value(OCCUPATIONS, on)),
                StandardCatalog.shortage(parameters.value(SHORTAGE, on)), List.of(), List.of(), List.of(), Set.of(),
                parameters.isSample(SHORTAGE));
    }
}
