package org.qiancheng.core.internal.workflow;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.workflow.AuditCheckpoint;
import org.qiancheng.api.workflow.AuditEvent;
import org.qiancheng.api.workflow.AuditFilter;
import org.qiancheng.api.workflow.Operators;
import org.qiancheng.api.workflow.AuditTrail;
import org.qiancheng.api.workflow.AuditVerification;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.WorkflowStore;

/** Reads and verifies the audit trail that {@link Audit} writes with every change, and signs checkpoints of it. */
@Component
public final class AuditTrailService implements AuditTrail {

    private static final String READ = "audit.read";

    private final WorkflowStore store;
    private final Clock clock;

    @Activate
    public AuditTrailService(@Reference WorkflowStore store, @Reference Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Every kind of record the trail holds: what {@code Audit} and the hot folder write as the entity,
     * {@code user} for logins, sessions and accounts, and {@code policy} for decisions about policy versions
     * (activation requests, confirmations, cancellations, expiries, rollbacks, pins).
     */
    static final Set<String> ENTITIES = Set.of("institution", "project", "class", "trainee", "enrolment", "claim",
            "disbursement", "settlement", "bundle", "user", "policy", "audit", "plan");

    /** Entries an export reads in one transaction. */
    static final int EXPORT_PAGE = 500;

    @Override
    public Page<AuditEvent> audit(String entity, Long entityId, int offset, int limit) {
        return audit(new AuditFilter(entity, entityId, null, null, null), offset, limit);
    }

    @Override
    public Page<AuditEvent> audit(AuditFilter filter, int offset, int limit) {
        // the trail is not divided by region: an auditor reads all of it (docs/security.md)
        Scope.of(READ);
        Window window = check(filter);
        Checks.page(offset, limit);
        return store.transaction(tx -> tx.audit().list(filter.entity(), filter.entityId(), filter.actor(),
                window.from(), window.to(), offset, limit));
    }

    @Override
    public Iterable<AuditEvent> export(AuditFilter filter) {
        Scope.of(READ);
        Window window = check(filter);
        store.transaction(tx -> {
            tx.audit().append(clock.instant(), Operators.current(), "audit.export", "audit", 0, null, facts(filter));
            return null;
        });
        return () -> new AuditPages(afterId -> store.transaction(tx -> tx.audit().after(filter.entity(),
                filter.entityId(), filter.actor(), window.from(), window.to(), afterId, EXPORT_PAGE)));
    }

    /** The filter of an export, as its audit entry records it: only what was given. */
    private static Map<String, Object> facts(AuditFilter filter) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("entity", filter.entity());
        facts.put("entityId", filter.entityId());
        facts.put("actor", filter.actor());
        facts.put("from", filter.from() == null ? null : filter.from().toString());
        facts.put("to", filter.to() == null ? null : filter.to().toString());
        facts.values().removeIf(java.util.Objects::isNull);
        return facts;
    }

    /** The instants of a filter's days in the platform's zone: [start of from, start of the day after to). */
    private record Window(Instant from, Instant to) {
    }

    private Window check(AuditFilter filter) {
        if (filter.entity() != null && !ENTITIES.contains(filter.entity())) {
            String known = String.join(", ", new TreeSet<>(ENTITIES));
            throw new WorkflowException(WorkflowException.Kind.INVALID, "entity", "enum",
                    new LocalizedText("须为以下之一：" + known, "must be one of " + known));
        }
        if (filter.actor() != null) {
            Checks.text("actor", filter.actor(), 100);
        }
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw new WorkflowException(WorkflowException.Kind.INVALID, "from", "not-after:to",
                    new LocalizedText("不得晚于 to", "must not be after to"));
        }
        ZoneId zone = clock.getZone();
        return new Window(filter.from() == null ? null : filter.from().atStartOfDay(zone).toInstant(),
                filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(zone).toInstant());
    }

    @Override
    public AuditVerification verify() {
        Scope.of(READ);
        return store.transaction(tx -> tx.audit().verify(null));
    }

    @Override
    public AuditVerification verify(AuditCheckpoint checkpoint) {
        Scope.of(READ);
        return store.transaction(tx -> tx.audit().verify(checkpoint));
    }

    @Override
    public AuditCheckpoint checkpoint() {
        Scope.of(READ);
        return store.transaction(tx -> tx.audit().checkpoint(clock.instant()));
    }
}
