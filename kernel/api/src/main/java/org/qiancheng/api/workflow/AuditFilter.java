package org.qiancheng.api.workflow;

import java.time.LocalDate;

/**
 * Which audit entries to list or export; every part {@code null} for all.
 *
 * @param entity a kind of record, e.g. {@code claim}
 * @param entityId a record's id
 * @param actor exactly this user (the entry's actor)
 * @param from the first day, in the platform's zone, of the entries' time
 * @param to the last day (inclusive), in the platform's zone
 * @since 0.7
 */
public record AuditFilter(String entity, Long entityId, String actor, LocalDate from, LocalDate to) {

    /** No filter: every entry. */
    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);
}
