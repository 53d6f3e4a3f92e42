package org.qiancheng.api.workflow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A settlement run: the claims of every class of a region whose training ended in a month,
 * computed in batches. Each batch commits its claims and this progress together, so the counts
 * are exactly what is stored, and a run resumes after its last committed batch.
 *
 * @param id the kernel's id
 * @param regionCode the region settled; a province or city code takes in the classes of its
 *     cities or districts, {@code 100000} every class
 * @param month the month in which the classes ended
 * @param status where it stands
 * @param classesTotal the classes to settle, counted when the run started
 * @param classesDone the classes settled so far, skipped ones included
 * @param classesSkipped the classes that cannot be claimed (e.g. filed late [K1]); see {@code skipped}
 * @param claimsCreated the claims this run stored; classes claimed earlier add none
 * @param amount the yuan of the claims this run stored
 * @param afterClassId the last class settled; a resumed run continues after it
 * @param skipped why classes were skipped, one line each (the first 100)
 * @param error the fault that stopped a FAILED or INTERRUPTED run, or {@code null}
 * @param startedBy the operator who started it
 * @param startedAt when it started
 * @param finishedAt when it completed, or {@code null}
 * @param version optimistic-lock version, raised by every batch
 */
public record Settlement(long id, String regionCode, YearMonth month, SettlementStatus status, int classesTotal,
        int classesDone, int classesSkipped, long claimsCreated, BigDecimal amount, long afterClassId,
        List<String> skipped, String error, String startedBy, Instant startedAt, Instant finishedAt, long version) {

    /** Copies the skipped lines. */
    public Settlement {
        skipped = List.copyOf(skipped);
    }
}
