package org.qiancheng.api.system;

import org.osgi.annotation.versioning.ProviderType;

/** Reports the health of the running platform. Provided by the kernel. */
@ProviderType
public interface HealthService {

    /**
     * Takes a fresh report; the database part runs a real query every time.
     *
     * @return the report
     */
    HealthReport health();
}
