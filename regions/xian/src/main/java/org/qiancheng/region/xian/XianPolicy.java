package org.qiancheng.region.xian;

import org.osgi.service.component.annotations.Component;
import org.qiancheng.api.report.StandardReports;
import org.qiancheng.api.spi.RegionPolicy;
import org.qiancheng.api.spi.StandardRegionPolicy;

/**
 * Xi'an's notice on the quality and effectiveness of vocational skills training (XA-2025), for
 * classes starting 2025-06-20 to 2027-12-31. Rules XA1–XA7 are described in {@link XianSubsidy}.
 */
@Component(service = RegionPolicy.class)
public final class XianPolicy extends StandardRegionPolicy {

    public XianPolicy() {
        super(new XianSubsidy(), XianSubsidy.specs(), new StandardReports());
    }
}
