package org.qiancheng.api.registry;

import java.util.List;
import java.util.Objects;
import org.qiancheng.api.model.LocalizedText;

/**
 * A region as the kernel currently knows it: its code, its name and the policy versions installed.
 *
 * @param code the GB/T 2260 region code
 * @param name the region's name
 * @param versions the installed policy versions, oldest first
 */
public record RegionSummary(String code, LocalizedText name, List<String> versions) {

    /** Copies the version list so the summary stays immutable. */
    public RegionSummary {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        versions = List.copyOf(versions);
    }
}
