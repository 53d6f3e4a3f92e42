package org.qiancheng.region.national;

import org.osgi.service.component.annotations.Component;
import org.qiancheng.api.report.StandardReports;
import org.qiancheng.api.spi.RegionPolicy;
import org.qiancheng.api.spi.StandardRegionPolicy;

/**
 * The national large-scale vocational skills training action 2025–2027 (CN-2025), usable as the
 * baseline policy of a province without a bundle of its own. Rule texts, clauses and the clauses
 * of its reports are in {@code rules.json}.
 */
@Component(service = RegionPolicy.class)
public final class NationalPolicy extends StandardRegionPolicy {

    public NationalPolicy() {
        super(new NationalSubsidy(), NationalSubsidy.specs(), new StandardReports());
    }
}
