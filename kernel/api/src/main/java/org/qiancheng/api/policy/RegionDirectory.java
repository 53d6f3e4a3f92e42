package org.qiancheng.api.policy;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The regions whose policy services are present in the running platform. Provided by the kernel.
 */
@ProviderType
public interface RegionDirectory {

    /**
     * Lists the regions present now, ordered by region code.
     *
     * @return one summary per region; empty when no region bundle is installed
     */
    List<RegionSummary> regions();
}
