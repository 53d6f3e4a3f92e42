package org.qiancheng.core.internal.registry;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.qiancheng.api.model.RegionCodes;

/**
 * The codes tried for a region, most local first: the code itself, its city, its province, and
 * the national policy, which any province without a version of its own can use.
 */
final class FallbackChain {

    private FallbackChain() {
    }

    static List<String> of(String region) {
        Set<String> chain = new LinkedHashSet<>();
        chain.add(region);
        if (RegionCodes.isValid(region)) {
            chain.add(RegionCodes.city(region));
            chain.add(RegionCodes.province(region));
        }
        chain.add(RegionCodes.NATIONAL);
        return List.copyOf(chain);
    }
}
