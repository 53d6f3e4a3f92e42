package ${package};

import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.policy.PolicyFiles;
import org.qiancheng.api.spi.RegionPolicy;
import org.qiancheng.api.spi.SubsidyPolicy;
import org.qiancheng.api.spi.TrainingCatalog;

/**
 * ${regionNameZh} / ${regionNameEn} (${regionCode}): refines the policy of region ${parentRegion}.
 * Region, names, version, period, documents and parent are data in {@code policy.properties}.
 */
@Component(service = RegionPolicy.class)
public final class CityPolicy implements RegionPolicy {

    private final PolicyDescriptor descriptor = PolicyFiles.descriptor(CityPolicy.class);
    private final Optional<String> parent = PolicyFiles.parentRegion(CityPolicy.class);
    private final TrainingCatalog catalog = new LocalCatalog(descriptor.regionCode());
    private final SubsidyPolicy subsidy = new LocalTopUp();

    @Override
    public PolicyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(LocalCatalog.OCCUPATIONS_SPEC, LocalCatalog.SHORTAGE_SPEC, LocalTopUp.TOP_UP_SPEC);
    }

    @Override
    public TrainingCatalog catalog() {
        return catalog;
    }

    @Override
    public SubsidyPolicy subsidy() {
        return subsidy;
    }

    @Override
    public Optional<String> parentRegion() {
        return parent;
    }
}
