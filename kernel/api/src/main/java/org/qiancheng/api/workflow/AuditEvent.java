package org.qiancheng.api.workflow;

import java.time.Instant;

/**
 * One entry of the append-only audit trail: who did what to which record, when, and the record
 * before and after (JSON, resident IDs masked). Each entry is chained to the one before it by an HMAC
 * (see {@link AuditTrail#verify()}).
 *
 * @param id the entry's id, increasing
 * @param sequence the entry's place in the tamper-evident chain: 1, 2, 3… in commit order, without gaps
 * @param at when
 * @param actor who (the operator named by the request)
 * @param action what, e.g. {@code claim.reviewed}
 * @param entity the kind of record, e.g. {@code claim}
 * @param entityId the record's id
 * @param before the record before, or {@code null} when created
 * @param after the record after
 */
public record AuditEvent(long id, long sequence, Instant at, String actor, String action, String entity, long entityId,
        String before, String after) {
}
