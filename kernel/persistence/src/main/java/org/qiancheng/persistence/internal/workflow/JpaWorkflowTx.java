package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.EntityManager;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.AccountTx;
import org.qiancheng.persistence.ActivationRequestTx;
import org.qiancheng.persistence.AuditTx;
import org.qiancheng.persistence.ClaimTx;
import org.qiancheng.persistence.ClassTx;
import org.qiancheng.persistence.DashboardTx;
import org.qiancheng.persistence.EnrolmentTx;
import org.qiancheng.persistence.InstitutionTx;
import org.qiancheng.persistence.PlanTx;
import org.qiancheng.persistence.NodeTx;
import org.qiancheng.persistence.ProjectTx;
import org.qiancheng.persistence.SettlementTx;
import org.qiancheng.persistence.TraineeTx;
import org.qiancheng.persistence.WorkflowTx;

/** One transaction: the repositories of every aggregate over the same entity manager. */
final class JpaWorkflowTx implements WorkflowTx {

    private final Rows rows;
    private final InstitutionTx institutions;
    private final ProjectTx projects;
    private final ClassTx classes;
    private final TraineeTx trainees;
    private final EnrolmentTx enrolments;
    private final ClaimTx claims;
    private final JpaAuditTrail audit;
    private final SettlementTx settlements;
    private final AccountTx accounts;
    private final ActivationRequestTx activationRequests;
    private final DashboardTx dashboard;
    private final PlanTx plans;
    private final NodeTx nodes;

    /** The entity manager of this transaction, for a repository outside the workflow's (policy activations). */
    EntityManager manager() {
        return rows.manager;
    }

    JpaWorkflowTx(EntityManager manager, AuditChain chain, DecisionCodec codec, ClaimStatistics statistics) {
        this.rows = new Rows(manager);
        this.settlements = new JpaSettlements(manager, statistics);
        this.institutions = new JpaInstitutions(rows);
        this.projects = new JpaProjects(rows);
        this.classes = new JpaClasses(rows, settlements);
        this.trainees = new JpaTrainees(rows);
        this.enrolments = new JpaEnrolments(rows);
        this.claims = new JpaClaims(rows, codec);
        this.audit = new JpaAuditTrail(rows, chain);
        this.accounts = new JpaAccounts(rows);
        this.activationRequests = new JpaActivationRequests(rows);
        this.dashboard = new JpaDashboard(rows);
        this.plans = new JpaPlans(rows);
        this.nodes = new JpaNodes(manager);
    }

    @Override
    public InstitutionTx institutions() {
        return institutions;
    }

    @Override
    public ProjectTx projects() {
        return projects;
    }

    @Override
    public ClassTx classes() {
        return classes;
    }

    @Override
    public TraineeTx trainees() {
        return trainees;
    }

    @Override
    public EnrolmentTx enrolments() {
        return enrolments;
    }

    @Override
    public ClaimTx claims() {
        return claims;
    }

    @Override
    public AuditTx audit() {
        return audit;
    }

    @Override
    public SettlementTx settlements() {
        return settlements;
    }

    @Override
    public AccountTx accounts() {
        return accounts;
    }

    @Override
    public ActivationRequestTx activationRequests() {
        return activationRequests;
    }

    @Override
    public PlanTx plans() {
        return plans;
    }

    @Override
    public DashboardTx dashboard() {
        return dashboard;
    }

    @Override
    public NodeTx nodes() {
        return nodes;
    }

    @Override
    public boolean rememberIdempotencyKey(String key, String request) {
        IdempotencyEntity known = rows.manager.find(IdempotencyEntity.class, key);
        if (known == null) {
            rows.persisted(IdempotencyEntity.of(key, request));
            return true;
        }
        if (!known.scope.equals(request)) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, "Idempotency-Key", "idempotency",
                    "the key was used for another request (" + known.scope + ")");
        }
        return false;
    }

    /** Chains and writes this transaction's audit entries: the last thing before commit. */
    void seal() {
        audit.seal();
    }

    @Override
    public void release() {
        rows.manager.flush();
        rows.manager.clear();
    }
}
