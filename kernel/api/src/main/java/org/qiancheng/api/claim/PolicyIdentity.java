package org.qiancheng.api.claim;

import java.util.Objects;

/**
 * Exactly which policy produced a decision [K5]: enough to find the same bundle again and to
 * check it is byte for byte the same.
 *
 * @param regionCode the policy's region
 * @param bundleSymbolicName the bundle that carries it
 * @param version the policy (= bundle) version
 * @param contentHash SHA-256 over the bundle's content, hex
 */
public record PolicyIdentity(String regionCode, String bundleSymbolicName, String version, String contentHash) {

    /** Requires every part. */
    public PolicyIdentity {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(bundleSymbolicName, "bundleSymbolicName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(contentHash, "contentHash");
    }
}
