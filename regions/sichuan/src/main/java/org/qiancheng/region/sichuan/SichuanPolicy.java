package org.qiancheng.region.sichuan;

import org.osgi.service.component.annotations.Component;
import org.qiancheng.api.report.StandardReports;
import org.qiancheng.api.spi.RegionPolicy;
import org.qiancheng.api.spi.StandardRegionPolicy;

/**
 * Sichuan province (510000). One source, two policy versions: region-sichuan 2025.1.0 (SC-2025,
 * “技能照亮前程”, base + assessment subsidy) and region-sichuan-2021 2021.1.0 (SC-2021, quality
 * year, the standard per trainee who passes). What differs between them is data only: the
 * descriptor and report clauses in {@code policy.properties}, and the dated parameters — among
 * them {@code subsidy/formula}, which chooses the composition.
 */
@Component(service = RegionPolicy.class)
public final class SichuanPolicy extends StandardRegionPolicy {

    public SichuanPolicy() {
        this(Clauses.of(SichuanPolicy.class));
    }

    private SichuanPolicy(Clauses clauses) {
        super(new SichuanSubsidy(clauses), SichuanSubsidy.specs(),
                new StandardReports(clauses.indicators(), clauses.targets(), clauses.dispatch()));
    }
}
