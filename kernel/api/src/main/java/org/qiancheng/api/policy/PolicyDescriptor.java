package org.qiancheng.api.policy;

import java.util.List;
import java.util.Objects;
import org.qiancheng.api.model.EffectivePeriod;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.model.RegionCodes;

/**
 * Identifies one version of one region's policy: the region, its name, the version, the days it
 * is in force and the documents it implements.
 *
 * @param regionCode GB/T 2260 code, e.g. {@code 610100}; {@code 100000} for the national policy
 * @param regionName the region's name
 * @param version {@code major.minor.micro}, equal to the version of the bundle that carries it
 * @param period the days on whose class start dates this version decides
 * @param documents the source documents, at least one
 */
public record PolicyDescriptor(String regionCode, LocalizedText regionName, String version, EffectivePeriod period,
        List<SourceDocument> documents) {

    /** Requires a valid region code, a version, a period and at least one document. */
    public PolicyDescriptor {
        if (!RegionCodes.isValid(regionCode)) {
            throw new IllegalArgumentException("regionCode '" + regionCode + "' is not a GB/T 2260 code (six digits)");
        }
        Objects.requireNonNull(regionName, "regionName");
        Objects.requireNonNull(version, "version");
        if (!version.matches("\\d+\\.\\d+\\.\\d+")) {
            throw new IllegalArgumentException("version '" + version + "' must be major.minor.micro");
        }
        Objects.requireNonNull(period, "period");
        documents = List.copyOf(documents);
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("a policy names at least one source document");
        }
    }
}
