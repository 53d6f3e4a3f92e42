package org.qiancheng.core.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.security.AccessException;
import org.qiancheng.api.security.Role;
import org.qiancheng.api.workflow.AuditCheckpoint;
import org.qiancheng.api.workflow.AuditEvent;
import org.qiancheng.api.workflow.AuditFilter;
import org.qiancheng.api.workflow.AuditVerification;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.AuditTx;
import org.qiancheng.persistence.WorkflowStore;
import org.qiancheng.persistence.WorkflowTx;

class AuditTrailServiceTest {

    private final List<String> asked = new ArrayList<>();

    private AuditTrailService trail() {
        return trail(Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC));
    }

    private AuditTrailService trail(Clock clock) {
        AuditTx audit = new AuditTx() {
            @Override
            public void append(java.time.Instant at, String actor, String action, String entity, long entityId,
                    Object before, Object after) {
                asked.add(action + " " + entity + " " + after);
            }

            @Override
            public Page<AuditEvent> list(String entity, Long entityId, String actor, Instant from, Instant to,
                    int offset, int limit) {
                asked.add(from == null && to == null && actor == null ? entity
                        : entity + " " + actor + " " + from + " " + to);
                return new Page<>(List.of(), 0, offset, limit);
            }

            @Override
            public List<AuditEvent> after(String entity, Long entityId, String actor, Instant from, Instant to,
                    long afterId, int limit) {
                asked.add("after " + afterId);
                // three pages of entries 1..5 at most two at a time
                List<AuditEvent> page = new ArrayList<>();
                for (long id = afterId + 1; id <= Math.min(5, afterId + 2); id++) {
                    page.add(new AuditEvent(id, id, Instant.EPOCH, "a", "x", "claim", id, null, null));
                }
                return page;
            }

            @Override
            public Page<AuditEvent> list(String entity, Long entityId, int offset, int limit) {
                asked.add(entity);
                return new Page<>(List.of(), 0, offset, limit);
            }

            @Override
            public AuditVerification verify(AuditCheckpoint checkpoint) {
                asked.add("verify " + (checkpoint == null ? "alone" : "against " + checkpoint.sequence()));
                return AuditVerification.intact(3);
            }

            @Override
            public AuditCheckpoint checkpoint(java.time.Instant at) {
                asked.add("checkpoint at " + at);
                return new AuditCheckpoint(3, "0".repeat(64), 3, at, "1".repeat(64));
            }
        };
        WorkflowTx tx = (WorkflowTx) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WorkflowTx.class}, (proxy, method, args) -> audit);
        WorkflowStore store = new WorkflowStore() {
            @Override
            public <T> T transaction(java.util.function.Function<WorkflowTx, T> work) {
                return work.apply(tx);
            }
        };
        return new AuditTrailService(store, clock);
    }

    @BeforeEach
    void asAuditor() {
        Signed.in(Set.of(Role.AUDITOR), "100000");
    }

    @AfterEach
    void out() {
        Signed.out();
    }

    @Test
    void onlyAnAuditorReadsTheTrail() {
        Signed.in(Set.of(Role.CLERK), "100000");
        AccessException refused = assertThrows(AccessException.class, () -> trail().audit(null, null, 0, 10));
        assertEquals(AccessException.Kind.FORBIDDEN, refused.kind());
        assertEquals("permission", refused.rule());
        Signed.out();
        assertEquals(AccessException.Kind.UNAUTHENTICATED,
                assertThrows(AccessException.class, () -> trail().audit(null, null, 0, 10)).kind());
        assertEquals(List.of(), asked);
    }

    @Test
    void everyKindOfRecordTheKernelAuditsCanBeAskedFor() {
        AuditTrailService trail = trail();
        for (String entity : List.of("institution", "project", "class", "trainee", "enrolment", "claim",
                "disbursement", "settlement", "bundle")) {
            trail.audit(entity, null, 0, 10);
        }
        trail.audit(null, null, 0, 10);
        assertEquals(10, asked.size());
        assertEquals("settlement", asked.get(7));
    }

    @Test
    void daysAreOfThePlatformZoneBothIncludedAndFromAfterToIsRefused() {
        AuditTrailService trail = trail(Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"),
                java.time.ZoneId.of("Asia/Shanghai")));
        java.time.LocalDate day = java.time.LocalDate.of(2026, 12, 1);
        trail.audit(new AuditFilter("claim", null, "李经办", day, day), 0, 10);
        assertEquals(List.of("claim 李经办 2026-11-30T16:00:00Z 2026-12-01T16:00:00Z"), asked);
        WorkflowException refused = assertThrows(WorkflowException.class, () -> trail.audit(new AuditFilter(null, null,
                null, day, day.minusDays(1)), 0, 10));
        assertEquals("from", refused.field());
        assertEquals("not-after:to", refused.rule());
        assertThrows(WorkflowException.class, () -> trail.export(new AuditFilter("payment", null, null, null, null)));
        assertEquals(1, asked.size(), "nothing read, nothing audited");
    }

    @Test
    void anExportIsAuditedThenReadPageByPage() {
        Iterable<AuditEvent> entries = trail().export(new AuditFilter("claim", null, null, null, null));
        assertEquals(List.of("audit.export audit {entity=claim}"), asked);
        List<Long> ids = new ArrayList<>();
        entries.forEach(e -> ids.add(e.id()));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids);
        assertEquals(List.of("audit.export audit {entity=claim}", "after 0", "after 2", "after 4", "after 5"), asked);
        Signed.in(Set.of(Role.CLERK), "100000");
        assertThrows(AccessException.class, () -> trail().export(AuditFilter.ALL));
    }

    @Test
    void anUnknownKindIsInvalidNamingTheField() {
        WorkflowException refused = assertThrows(WorkflowException.class, () -> trail().audit("payment", null, 0, 10));
        assertEquals(WorkflowException.Kind.INVALID, refused.kind());
        assertEquals("entity", refused.field());
        assertEquals("enum", refused.rule());
        assertEquals(List.of(), asked);
    }

    @Test
    void verificationAndCheckpointsGoToTheStoreWithThePlatformsClock() {
        AuditTrailService trail = trail();
        assertEquals(3, trail.verify().entries());
        AuditCheckpoint checkpoint = trail.checkpoint();
        assertEquals(Instant.parse("2026-11-25T08:00:00Z"), checkpoint.at());
        trail.verify(checkpoint);
        assertEquals(List.of("verify alone", "checkpoint at 2026-11-25T08:00:00Z", "verify against 3"), asked);
    }
}
