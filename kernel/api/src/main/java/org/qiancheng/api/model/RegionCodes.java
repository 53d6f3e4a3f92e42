package org.qiancheng.api.model;

/**
 * GB/T 2260 administrative division codes: six digits, e.g. {@code 510000} Sichuan,
 * {@code 510100} Chengdu, {@code 610100} Xi'an. {@code 100000} stands for the national policy.
 */
public final class RegionCodes {

    /** The code used for national policies. */
    public static final String NATIONAL = "100000";

    private RegionCodes() {
    }

    /**
     * @param code a candidate code
     * @return whether it has the form of a region code (six digits)
     */
    public static boolean isValid(String code) {
        // [1-9][0-9]{5}, checked by hand: every request checks a code or two, and String.matches compiles its pattern each time
        if (code == null || code.length() != 6 || code.charAt(0) < '1' || code.charAt(0) > '9') {
            return false;
        }
        for (int i = 1; i < 6; i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * @param code a valid region code
     * @return the code of its province (first two digits then zeros), e.g. 510100 → 510000
     */
    public static String province(String code) {
        return code.substring(0, 2) + "0000";
    }

    /**
     * @param code a valid region code
     * @return the code of its prefecture-level city, e.g. 510104 → 510100
     */
    public static String city(String code) {
        return code.substring(0, 4) + "00";
    }

    /**
     * Whether a region lies in an area: a district in its city, its province and the nation
     * ({@code 510104} in {@code 510100}, {@code 510000} and {@code 100000}), a region in itself.
     *
     * @param area a valid region code, e.g. {@code 510000}
     * @param region a valid region code, e.g. {@code 510104}
     * @return whether {@code region} is {@code area} or one of its parts
     * @since 1.2
     */
    public static boolean covers(String area, String region) {
        if (NATIONAL.equals(area)) {
            return true;
        }
        if (area.endsWith("0000")) {
            return region.startsWith(area.substring(0, 2));
        }
        if (area.endsWith("00")) {
            return region.startsWith(area.substring(0, 4));
        }
        return region.equals(area);
    }
}
