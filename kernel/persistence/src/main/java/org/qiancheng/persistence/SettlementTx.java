package org.qiancheng.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.Settlement;
import org.qiancheng.api.workflow.SettlementStatus;
import org.qiancheng.api.workflow.TrainingClass;

/** The settlement runs' records, inside the transaction of the {@link WorkflowTx} that gave them. */
@ProviderType
public interface SettlementTx {

    /** Stores a new RUNNING run. */
    Settlement insert(String regionCode, YearMonth month, int classesTotal, String startedBy, Instant at);

    Optional<Settlement> find(long id);

    /** The run of a region's month that has not completed (running, interrupted or failed), if any. */
    Optional<Settlement> open(String regionCode, YearMonth month);

    /** Runs, newest first; {@code region} {@code null} for all. */
    Page<Settlement> list(RegionScope scope, String region, int offset, int limit);

    /**
     * The classes whose region starts with {@code regionPrefix} ({@code null} for all) and whose
     * end date is in [from, to], with ids above {@code afterClassId}, by id, at most {@code limit}.
     */
    List<TrainingClass> classesEnded(String regionPrefix, LocalDate from, LocalDate to, long afterClassId, int limit);

    /** How many classes {@link #classesEnded} would list from the first. */
    int countClassesEnded(String regionPrefix, LocalDate from, LocalDate to);

    /**
     * Adds a committed batch to a run's progress: {@code classes} more classes done up to
     * {@code afterClassId}, the skipped ones with their reasons, the claims and yuan stored.
     */
    Settlement recordBatch(long id, long afterClassId, int classes, List<String> skipped, long claims,
            BigDecimal amount);

    /**
     * @return the run's top-up cursor (the last enrolment whose top-up it settled, 0 before the first),
     *     empty while it settles classes
     */
    OptionalLong topUpCursor(long id);

    /**
     * Moves a run's top-up phase past an enrolment (0 to enter the phase), adding the claims and yuan
     * of the batch.
     */
    Settlement recordTopUpBatch(long id, long afterEnrolmentId, List<String> skipped, long claims, BigDecimal amount);

    /** Sets a run's status; {@code error} and {@code finishedAt} may be {@code null}. */
    Settlement changeStatus(long id, SettlementStatus status, String error, Instant finishedAt);

    /** Marks every RUNNING run INTERRUPTED with the reason; returns how many. */
    int interruptRunning(String reason);

    /**
     * @return the RUNNING runs, oldest first: each is worked by the node holding its lease
     * @since 0.11
     */
    List<Settlement> running();
}
