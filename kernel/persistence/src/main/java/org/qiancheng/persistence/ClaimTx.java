package org.qiancheng.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.model.PriorSubsidy;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.ClaimFilter;
import org.qiancheng.api.workflow.ClaimStatus;
import org.qiancheng.api.workflow.ClaimSummary;
import org.qiancheng.api.workflow.Disbursement;
import org.qiancheng.api.workflow.InstalmentKind;
import org.qiancheng.api.workflow.PaidInstalment;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.PaymentState;
import org.qiancheng.api.workflow.TrainingClass;

/**
 * Claims and their payments, inside the transaction of the {@link WorkflowTx} that gave them. Every
 * claim answered carries what its stored payments add up to (one query for a list, not one per claim).
 */
@ProviderType
public interface ClaimTx {

    /**
     * Stores a claim of one enrolment of a class with the whole decision [K5].
     *
     * @param computedBy the username of who computed it (who started the settlement, for a settlement's claims)
     */
    Claim insert(TrainingClass trainingClass, long enrolmentId, long traineeId, ClaimStatus status,
            Decision decision, List<String> findings, String computedBy);

    /**
     * Who did what to a claim, for the separation of duties; a name is {@code null} where it was not
     * recorded (rows older than the accounts).
     *
     * @param filedBy who filed the claim's class
     * @param computedBy who computed the claim
     * @param reviewedBy who approved or rejected it, or {@code null} until reviewed
     */
    record Duties(String filedBy, String computedBy, String reviewedBy) {
    }

    /** @return who filed, computed and reviewed a claim; empty when there is no such claim */
    Optional<Duties> duties(long claimId);

    /**
     * Stores a top-up of an original claim, for the same enrolment.
     *
     * @param amount what it adds: its decision's amount less the original's
     * @param computedBy the username of who computed it
     */
    Claim insertTopUp(TrainingClass trainingClass, Claim original, ClaimStatus status, Decision decision,
            BigDecimal amount, List<String> findings, String computedBy);

    /** @return the enrolment's original claim, or with {@code topUp} its top-up; empty when it has none */
    Optional<Claim> ofEnrolment(long enrolmentId, boolean topUp);

    Optional<Claim> find(long id);

    /** A class's claims, in id order. */
    List<Claim> ofClass(long classId);

    /** In id order; {@code classId}, {@code status} and {@code paymentState} {@code null} for all. */
    default Page<Claim> list(RegionScope scope, Long classId, ClaimStatus status, PaymentState paymentState,
            int offset, int limit) {
        return list(scope, new ClaimFilter(classId, status, paymentState, null), offset, limit);
    }

    /**
     * In id order: the claims the filter selects whose class is within the scope; the filter's
     * region is a valid code, read as a prefix as the scope's areas are.
     *
     * @since 0.10
     */
    Page<Claim> list(RegionScope scope, ClaimFilter filter, int offset, int limit);

    /**
     * Counts and adds up, in the database, what {@link #list(RegionScope, ClaimFilter, int, int)} selects.
     *
     * @since 0.10
     */
    ClaimSummary summarize(RegionScope scope, ClaimFilter filter);

    /**
     * The ids of what {@link #list(RegionScope, ClaimFilter, int, int)} selects, in id order, at most {@code limit}.
     *
     * @since 0.10
     */
    List<Long> ids(RegionScope scope, ClaimFilter filter, int limit);

    /**
     * The trainee's earlier subsidies (claims not rejected), for the policy's caps: one per enrolment, a
     * top-up added to its original.
     */
    List<PriorSubsidy> subsidiesOf(long traineeId);

    /**
     * {@link #subsidiesOf(long)} for several trainees in one reading.
     *
     * @return trainee id → earlier subsidies, an entry for every trainee asked about
     * @since 0.12
     */
    Map<Long, List<PriorSubsidy>> subsidiesOf(Collection<Long> traineeIds);

    /**
     * The enrolments of the classes that have their original claim already (an enrolment belongs to
     * one class, so one set serves them all).
     *
     * @since 0.14 of several classes in one reading; of one class since 0.12
     */
    Set<Long> claimedEnrolments(Collection<Long> classIds);

    /**
     * A claim to store with {@link #insertAll}.
     *
     * @param enrolmentId the enrolment
     * @param traineeId its trainee
     * @param status the claim's status
     * @param decision the decision, encoded by {@link WorkflowStore#encode} (0.13: was the decision itself)
     * @param findings the kernel's findings
     * @since 0.12
     */
    record NewClaim(long enrolmentId, long traineeId, ClaimStatus status, EncodedDecision decision,
            List<String> findings) {
    }

    /**
     * Stores the original claims of several enrolments of a class at once, as {@link #insert} stores one.
     *
     * @return the claims stored, in the same order
     * @since 0.12
     */
    List<Claim> insertAll(TrainingClass trainingClass, List<NewClaim> claims, String computedBy);

    /**
     * Records a review.
     *
     * @param reviewedBy the username of the reviewer
     * @throws org.qiancheng.api.workflow.WorkflowException NOT_FOUND, or CONFLICT when the version is stale
     */
    Claim changeStatus(long id, ClaimStatus status, String note, String reviewedBy, long expectedVersion);

    /** Freezes the COMPUTED and FLAGGED claims of an institution's classes [K4]; returns how many. */
    int freezeOpen(long institutionId);

    /**
     * Claims decided by a region's own policy for classes starting in [from, to], with ids above
     * {@code afterId}, by id, at most {@code limit}: a page of a scan that any number of claims can take.
     * An enrolment's latest decision only: a claim that was topped up is left out for its top-up, whose
     * decision holds the whole amount.
     */
    List<Claim> decidedBy(String regionCode, LocalDate from, LocalDate to, long afterId, int limit);

    /** Marks the claim as changed by this transaction, so two payments of it cannot both commit. */
    void lock(long claimId);

    /** The payments of a claim, oldest first. */
    List<Disbursement> disbursements(long claimId);

    /** Stores a payment; at most one of each kind per claim. */
    default Disbursement pay(long claimId, InstalmentKind kind, BigDecimal amount, LocalDate on) {
        return pay(claimId, kind, amount, on, null);
    }

    /**
     * Stores a payment; at most one of each kind per claim.
     *
     * @param paidBy the username of who paid it, for the payment list
     * @since 0.10
     */
    Disbursement pay(long claimId, InstalmentKind kind, BigDecimal amount, LocalDate on, String paidBy);

    /**
     * The payments made in [from, to] of claims whose class is within the scope and, unless
     * {@code region} is {@code null}, in that area; by date, then id; at most {@code limit}.
     *
     * @since 0.10
     */
    List<PaidInstalment> paidBetween(RegionScope scope, String region, LocalDate from, LocalDate to, int limit);
}
