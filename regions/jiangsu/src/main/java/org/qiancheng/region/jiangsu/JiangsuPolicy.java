package org.qiancheng.region.jiangsu;

import org.osgi.service.component.annotations.Component;
import org.qiancheng.api.policy.PolicyFiles;
import org.qiancheng.api.report.StandardReports;
import org.qiancheng.api.spi.RegionPolicy;
import org.qiancheng.api.spi.StandardRegionPolicy;

/**
 * Jiangsu's vocational skills upgrading action 2019–2021 (JS-2019, 苏政办发〔2019〕71号): the
 * certificate-based training subsidy with its caps (JS1), the pension exclusion (JS2), the family
 * extension (JS3), the advance for enterprise and project-based training (JS4), the living
 * allowance (JS5), 以工代训 (JS6) and the 2019–2021 targets with quarterly and annual reports (JS7).
 */
@Component(service = RegionPolicy.class)
public final class JiangsuPolicy extends StandardRegionPolicy {

    public JiangsuPolicy() {
        // the reports cite rules.json: §四(十七) asks for quarterly and annual reports, §一 sets the targets
        super(new JiangsuSubsidy(PolicyFiles.descriptor(JiangsuPolicy.class).regionCode()), JiangsuSubsidy.specs(),
                new StandardReports());
    }
}
