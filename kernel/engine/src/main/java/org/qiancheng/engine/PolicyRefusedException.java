package org.qiancheng.engine;

import java.util.List;

/**
 * A policy version that cannot be put into service: its descriptor, its parameters or (in the
 * runtime) its own case files failed. {@link #reasons()} says every reason found.
 */
public final class PolicyRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> reasons;

    /** @param reasons why, at least one */
    public PolicyRefusedException(List<String> reasons) {
        super(String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    /** @return every reason */
    public List<String> reasons() {
        return reasons;
    }
}
