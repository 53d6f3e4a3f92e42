package org.qiancheng.api.workflow;

import org.qiancheng.api.model.LocalizedText;

/**
 * What a verification of the audit chain found.
 *
 * @param ok whether every entry is in place and unaltered, up to the head of the chain (and up to the
 *     checkpoint verified against, if any)
 * @param entries how many entries were verified
 * @param firstBroken the sequence number of the first entry that is missing or altered, or {@code null}
 *     when the chain is intact (or when what is wrong is not one entry, e.g. rows without a sequence)
 * @param reason why the chain is broken, or {@code null} when it is intact
 */
public record AuditVerification(boolean ok, long entries, Long firstBroken, LocalizedText reason) {

    /** An intact chain of {@code entries} entries. */
    public static AuditVerification intact(long entries) {
        return new AuditVerification(true, entries, null, null);
    }

    /** A chain broken at {@code firstBroken} (may be {@code null}), after {@code entries} good entries. */
    public static AuditVerification broken(long entries, Long firstBroken, LocalizedText reason) {
        return new AuditVerification(false, entries, firstBroken, reason);
    }
}
