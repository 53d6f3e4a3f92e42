package org.qiancheng.api.security;

import java.util.ArrayList;
import java.util.List;
import org.qiancheng.api.model.RegionCodes;

/**
 * The regions a user works in (GB/T 2260 codes): a record in a region outside them does not exist
 * for that user. {@code 100000} covers every region, a province code its cities and districts, a
 * city code its districts ({@link RegionCodes#covers}).
 *
 * @param areas the user's region codes
 * @since 1.1
 */
public record RegionScope(List<String> areas) {

    /** Every region: what the kernel's own work (a settlement run, a start-up check) sees. */
    public static final RegionScope ALL = new RegionScope(List.of(RegionCodes.NATIONAL));

    /** Copies the codes. */
    public RegionScope {
        areas = List.copyOf(areas);
    }

    /**
     * @param user a user
     * @return the regions of the user
     */
    public static RegionScope of(User user) {
        return new RegionScope(user.regions());
    }

    /** @return whether the scope covers every region */
    public boolean all() {
        return areas.contains(RegionCodes.NATIONAL);
    }

    /**
     * @param region a region code, e.g. {@code 510104}; {@code null} or an invalid code is covered by nothing
     * @return whether one of the areas covers it
     */
    public boolean covers(String region) {
        if (!RegionCodes.isValid(region)) {
            return false;
        }
        for (String area : areas) {
            if (RegionCodes.covers(area, region)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The areas as code prefixes, for a query: {@code 510000} → {@code 51}, {@code 510100} → {@code 5101},
     * {@code 510104} → {@code 510104}. Meaningless when {@link #all()}.
     *
     * @return one prefix per area
     */
    public List<String> prefixes() {
        List<String> prefixes = new ArrayList<>();
        for (String area : areas) {
            prefixes.add(area.endsWith("0000") ? area.substring(0, 2)
                    : area.endsWith("00") ? area.substring(0, 4) : area);
        }
        return prefixes;
    }
}
