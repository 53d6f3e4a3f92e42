package org.qiancheng.api.policy;

import org.osgi.annotation.versioning.ConsumerType;
import org.qiancheng.api.model.LocalizedText;

/**
 * Identifies one version of one region's policy. A region bundle registers one descriptor per
 * policy version it carries; the kernel learns which regions exist only from these services.
 */
@ConsumerType
public interface PolicyDescriptor {

    /**
     * The region's administrative division code (GB/T 2260), six digits, such as {@code 510000}.
     *
     * @return the region code
     */
    String regionCode();

    /**
     * The region's name as operators read it.
     *
     * @return the name in Chinese and English
     */
    LocalizedText regionName();

    /**
     * The policy version, {@code major.minor.micro}, equal to the bundle version that carries it.
     *
     * @return the version
     */
    String version();
}
