package org.qiancheng.engine.cityfixture;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.catalog.IndustryChain;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.spi.RegionPolicy;
import org.qiancheng.api.spi.SubsidyPolicy;
import org.qiancheng.api.spi.TrainingCatalog;

/**
 * {@link ProvincePolicy} with key chains read from {@code parameters/testkit_chain/chains.json}
 * (PROV-2025 §一: the electrician is a chain occupation, the welder is not).
 */
public final class ChainProvince implements RegionPolicy {

    public static final String CHAINS = "testkit_chain/chains";

    private final ProvincePolicy province = new ProvincePolicy();

    @Override
    public PolicyDescriptor descriptor() {
        return province.descriptor();
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(province.parameters().get(0), ParameterSpec.list(CHAINS));
    }

    @Override
    public TrainingCatalog catalog() {
        return (LocalDate on, org.qiancheng.api.parameter.Parameters parameters) -> {
            List<IndustryChain> chains = parameters.value(CHAINS, on).list().stream()
                    .map(c -> new IndustryChain(c.get("code").text(),
                            new LocalizedText(c.get("zh").text(), c.get("en").text()), c.get("occupations").texts()))
                    .toList();
            Catalog base = province.catalog().catalog(on, parameters);
            return new Catalog(base.regionCode(), on, base.occupations(), List.of(), chains, List.of(), List.of(),
                    Set.of(), false);
        };
    }

    @Override
    public SubsidyPolicy subsidy() {
        return province;
    }

}
