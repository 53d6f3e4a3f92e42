package org.qiancheng.region.sichuan;

import org.osgi.service.component.annotations.Component;
import org.qiancheng.api.report.StandardReports;
import org.qiancheng.api.spi.RegionPolicy;
import org.qiancheng.api.spi.StandardRegionPolicy;

/**
 * Sichuan province (510000). One source, two policy versions: region-sichuan 2025.1.0 (SC-2025,
 * “技能照亮前程”, base + assessment subsidy) and region-sichuan-2021 2021.1.0 (SC-2021, quality
 * year, the standard per trainee who passes). What differs between them is data only: the
 * descriptor in {@code policy.properties}, the rule texts and clauses (the reports' too) in
 * {@code rules.json}, and the dated parameters — among them {@code subsidy/formula}, which chooses
 * the composition.
 */
@Component(service = RegionPolicy.class)
public final class SichuanPolicy extends StandardRegionPolicy {

    public SichuanPolicy() {
        super(new SichuanSubsidy(), SichuanSubsidy.specs(), new StandardReports());
    }
}
