package org.qiancheng.api.workflow;

import java.util.function.Supplier;

/**
 * The operator on whose behalf the current thread acts, for the audit trail. The REST layer sets
 * it from the request for the length of the request, like a logging context.
 */
public final class Operators {

    /** Who acts when nobody said. */
    public static final String UNKNOWN = "unknown";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Operators() {
    }

    /**
     * Runs work as an operator.
     *
     * @param operator the operator's name
     * @param work what to run
     * @param <T> the result type
     * @return what the work returned
     */
    public static <T> T as(String operator, Supplier<T> work) {
        String previous = CURRENT.get();
        CURRENT.set(operator);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Sets the operator until {@link #clear()}, for request filters that cannot wrap the work. */
    public static void set(String operator) {
        CURRENT.set(operator);
    }

    /** Forgets the operator of this thread. */
    public static void clear() {
        CURRENT.remove();
    }

    /** @return the current operator, or {@link #UNKNOWN} */
    public static String current() {
        String operator = CURRENT.get();
        return operator == null ? UNKNOWN : operator;
    }
}
