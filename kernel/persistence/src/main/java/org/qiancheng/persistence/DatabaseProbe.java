package org.qiancheng.persistence;

import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.system.DatabaseHealth;

/** Checks the database with a real query. Provided by the persistence bundle, used by the kernel. */
@ProviderType
public interface DatabaseProbe {

    /**
     * Runs a query against a kernel table now.
     *
     * @return UP with the product, the boot count and the query latency; or DOWN with the reason
     */
    DatabaseHealth probe();
}
