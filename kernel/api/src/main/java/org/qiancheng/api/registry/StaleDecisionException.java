package org.qiancheng.api.registry;

import java.util.List;

/**
 * A decision about a region's policy versions (an activation, its confirmation, a rollback, a pin or
 * an unpin) made at a decision sequence the region has moved past: another operator, on this node or
 * another, decided first. Nothing was stored; the decisions made since say what changed. Read the
 * region's decisions again and decide anew (HTTP 409).
 *
 * @since 1.5
 */
public final class StaleDecisionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String regionCode;
    private final long expected;
    private final long current;
    private final transient List<Activation> since;

    /**
     * @param regionCode the region
     * @param expected the sequence the decision was made at
     * @param current the region's sequence now
     * @param since the decisions stored after {@code expected}, oldest first
     */
    public StaleDecisionException(String regionCode, long expected, long current, List<Activation> since) {
        super("region " + regionCode + " is at decision sequence " + current + ", not " + expected
                + " as this decision assumed; decided since: " + describe(since)
                + ". Read GET /api/v1/policies/" + regionCode + "/activations and decide again");
        this.regionCode = regionCode;
        this.expected = expected;
        this.current = current;
        this.since = List.copyOf(since);
    }

    /** @return the region */
    public String regionCode() {
        return regionCode;
    }

    /** @return the sequence the refused decision was made at */
    public long expected() {
        return expected;
    }

    /** @return the region's sequence now */
    public long current() {
        return current;
    }

    /** @return what changed: the decisions stored after the expected sequence, oldest first */
    public List<Activation> since() {
        return since;
    }

    /** One line per decision, e.g. {@code #6 ACTIVATED 2025.2.0 by policy-b at 2026-05-01T08:00:00Z}. */
    public static String describe(List<Activation> decisions) {
        if (decisions.isEmpty()) {
            return "nothing yet committed (another decision is being stored)";
        }
        StringBuilder text = new StringBuilder();
        for (Activation d : decisions) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append('#').append(d.sequence()).append(' ').append(d.kind());
            if (d.version() != null) {
                text.append(' ').append(d.version());
            }
            text.append(" by ").append(d.actor()).append(" at ").append(d.at());
        }
        return text.toString();
    }
}
