package org.qiancheng.api.workflow;

import java.time.YearMonth;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Settles a region's month: computes the claims of every class that ended in it, through the
 * policy in force on each class's start date, in batches on a background worker. A class is
 * settled as {@link Claims#computeClaims} would: enrolments with an outcome and no claim get one,
 * so settling again, or resuming, never stores a claim twice. Provided by the kernel.
 */
@ProviderType
public interface Settlements {

    /**
     * Starts settling a region's month, or answers the run already open for it (resuming it if it
     * was interrupted). A month is settled once it has begun; the classes must have ended by today.
     *
     * @param regionCode a GB/T 2260 code
     * @param month the month in which the classes ended; not after the current month
     * @param idempotencyKey the client's key, or {@code null}; the same key answers the same run
     * @return the run, RUNNING unless there was nothing to do
     * @throws WorkflowException INVALID naming {@code regionCode} or {@code month}
     */
    Settlement start(String regionCode, YearMonth month, String idempotencyKey);

    /**
     * Resumes an interrupted or failed run after its last committed batch.
     *
     * @throws WorkflowException NOT_FOUND, or CONFLICT when it is running or completed
     */
    Settlement resume(long id);

    /** @throws WorkflowException NOT_FOUND */
    Settlement settlement(long id);

    /** The runs, newest first. @param region a region code, or {@code null} for all */
    Page<Settlement> settlements(String region, int offset, int limit);
}
