package org.qiancheng.persistence;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One transaction of {@link WorkflowStore#transaction}: the records of each aggregate through its
 * own repository, all over the same unit of work, so that checks and writes of several aggregates
 * commit or roll back together. Inputs are already checked by the kernel; updates name the
 * version the caller read and fail with CONFLICT when it is stale.
 */
@ProviderType
public interface WorkflowTx {

    /** @return the institutions, in this transaction */
    InstitutionTx institutions();

    /** @return the training projects, in this transaction */
    ProjectTx projects();

    /** @return the filed classes, in this transaction */
    ClassTx classes();

    /** @return the real-name trainees, in this transaction */
    TraineeTx trainees();

    /** @return the enrolments with their attendance and outcomes, in this transaction */
    EnrolmentTx enrolments();

    /** @return the claims and their payments, in this transaction */
    ClaimTx claims();

    /** @return the audit trail, in this transaction */
    AuditTx audit();

    /** @return the settlement runs, in this transaction */
    SettlementTx settlements();

    /** @return the user accounts, sessions and failed logins, in this transaction */
    AccountTx accounts();

    /** @return the requests to activate a policy version (two-person activation), in this transaction */
    ActivationRequestTx activationRequests();

    /**
     * @return the yearly training plans, in this transaction
     * @since 0.11
     */
    PlanTx plans();

    /**
     * @return the console's aggregates, in this transaction
     * @since 0.10
     */
    DashboardTx dashboard();

    /**
     * @return the platform's nodes and their leases, in this transaction
     * @since 0.11
     */
    NodeTx nodes();

    /**
     * Remembers an idempotency key for a request.
     *
     * @param key the client's key
     * @param request what the key was sent with, e.g. {@code claims of class 7}
     * @return true the first time; false when the key was used for the same request before
     * @throws org.qiancheng.api.workflow.WorkflowException CONFLICT when it was used for another request
     */
    boolean rememberIdempotencyKey(String key, String request);

    /**
     * Writes what is pending and forgets the records this transaction has read or written, so a
     * long batch does not slow down checking everything it touched at every write. Nothing is
     * committed; records are read again afterwards.
     */
    void release();
}
