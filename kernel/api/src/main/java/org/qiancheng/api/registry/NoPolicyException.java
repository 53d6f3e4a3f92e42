package org.qiancheng.api.registry;

/** No valid policy version answers a request: unknown region, no version in force, unknown version. */
public final class NoPolicyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String regionCode;

    /**
     * @param regionCode the region asked for
     * @param message what was missing
     */
    public NoPolicyException(String regionCode, String message) {
        super(message);
        this.regionCode = regionCode;
    }

    /** @return the region asked for */
    public String regionCode() {
        return regionCode;
    }
}
