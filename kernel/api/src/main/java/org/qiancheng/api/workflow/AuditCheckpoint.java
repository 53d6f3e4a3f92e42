package org.qiancheng.api.workflow;

import java.time.Instant;

/**
 * A signed statement of the audit chain's head, for an operator to keep outside the platform and
 * later hand back to {@link AuditTrail#verify(AuditCheckpoint)}: entries deleted from the tail of the
 * database, together with the head row, are then still found missing.
 *
 * @param sequence the sequence number of the last entry
 * @param headMac the chain MAC of that entry (64 hexadecimal digits)
 * @param count how many entries the chain held (equal to {@code sequence}: the chain has no gaps)
 * @param at when the checkpoint was taken
 * @param signature HMAC-SHA256 of the other fields with the platform's checkpoint key (64 hexadecimal digits)
 */
public record AuditCheckpoint(long sequence, String headMac, long count, Instant at, String signature) {
}
