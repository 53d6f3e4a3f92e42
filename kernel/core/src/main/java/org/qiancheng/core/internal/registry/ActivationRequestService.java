package org.qiancheng.core.internal.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.registry.Activation;
import org.qiancheng.api.registry.ActivationRequest;
import org.qiancheng.api.registry.ActivationRequests;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.registry.PolicyStatus;
import org.qiancheng.api.registry.PolicyVersion;
import org.qiancheng.api.registry.StaleDecisionException;
import org.qiancheng.api.security.AccessException;
import org.qiancheng.api.security.AccessException.Kind;
import org.qiancheng.api.security.Authentication;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.core.internal.security.Access;
import org.qiancheng.persistence.WorkflowStore;
import org.qiancheng.persistence.WorkflowTx;

/**
 * Two-person activation (双人启用): a policy administrator requests, another confirms within
 * {@link ActivationRequests#VALIDITY}. The permission and the user's regions are checked here, not
 * only by the REST gate; a region outside the user's is answered as a version that is not installed.
 * Every change is audited as entity {@code policy} in the transaction that makes it; the activation a
 * confirmation makes is stored in the same transaction as the confirmation.
 */
@Component
public final class ActivationRequestService implements ActivationRequests {

    static final String PERMISSION = "policy.activate";
    private static final String ENTITY = "policy";

    private final WorkflowStore store;
    private final PolicyRegistry registry;
    private final Decisions decisions;
    private final Clock clock;
    /** One request at a time on this node, so that two requests for one version cannot both be pending. */
    private final Object requesting = new Object();

    @Activate
    public ActivationRequestService(@Reference WorkflowStore store, @Reference PolicyRegistry registry,
            @Reference Decisions decisions, @Reference Clock clock) {
        this.store = store;
        this.registry = registry;
        this.decisions = decisions;
        this.clock = clock;
    }

    @Override
    public ActivationRequest request(String regionCode, String version, String reason) {
        return request(regionCode, version, reason, null);
    }

    @Override
    public ActivationRequest request(String regionCode, String version, String reason, Long expectedSequence) {
        Authentication session = Access.require(PERMISSION);
        RegionScope scope = RegionScope.of(session.user());
        String user = session.user().username();
        PolicyVersion known = scope.covers(regionCode) ? registry.version(regionCode, version).orElse(null) : null;
        if (known == null) {
            throw notInstalled(regionCode, version);
        }
        if (known.status() == PolicyStatus.REFUSED) {
            throw new AccessException(Kind.INVALID, "version", "installed-valid-version", "version " + version
                    + " of region " + regionCode + " is refused: " + known.reason(), "地区 " + regionCode + " 的版本 "
                    + version + " 已被拒绝，不能启用：" + known.reason());
        }
        if (known.status() == PolicyStatus.VALIDATING) {
            throw new AccessException(Kind.CONFLICT, "version", "status:VALIDATING", "version " + version
                    + " of region " + regionCode + " is still VALIDATING (its parameters and case files are being"
                    + " checked); request its activation once it is STANDBY", "地区 " + regionCode + " 的版本 "
                    + version + " 仍在校验中（VALIDATING，正在检查参数和案例文件），待其转为待命（STANDBY）后再申请启用");
        }
        decisions.checkActivation(regionCode, version);
        // the request remembers the region's decisions as the requester saw them; its confirmation needs them unchanged
        long sequence = registry.sequence(regionCode);
        if (expectedSequence != null && expectedSequence != sequence) {
            List<Activation> all = registry.activations(regionCode);
            throw new StaleDecisionException(regionCode, expectedSequence, sequence,
                    all.subList((int) Math.min(Math.max(expectedSequence, 0), all.size()), all.size()));
        }
        synchronized (requesting) {
            Instant now = clock.instant();
            return store.transaction(tx -> {
                for (ActivationRequest pending : tx.activationRequests().list(ActivationRequest.Status.PENDING)) {
                    if (due(pending, now)) {
                        expire(tx, pending, user, now);
                    } else if (pending.regionCode().equals(regionCode) && pending.version().equals(version)) {
                        throw new AccessException(Kind.CONFLICT, "version", "pending-request", "request "
                                + pending.id() + " by " + pending.requestedBy() + " to activate version " + version
                                + " of region " + regionCode + " is pending already: confirm or cancel it",
                                "地区 " + regionCode + " 的版本 " + version + " 已有待确认的启用申请（编号 " + pending.id()
                                        + "，申请人 " + pending.requestedBy() + "），请确认或撤销该申请");
                    }
                }
                ActivationRequest created = tx.activationRequests().insert(regionCode, version, reason, user, now,
                        now.plus(VALIDITY), sequence);
                tx.audit().append(now, user, "policy.activation-requested", ENTITY, created.id(), null, created);
                return created;
            });
        }
    }

    @Override
    public Activation confirm(long id) {
        Authentication session = Access.require(PERMISSION);
        String user = session.user().username();
        ActivationRequest request = pending(id, RegionScope.of(session.user()), user, "confirm");
        if (request.requestedBy().equalsIgnoreCase(user)) {
            throw new AccessException(Kind.FORBIDDEN, null, "separation-of-duties", "you requested this"
                    + " activation (request " + id + "); another policy administrator must confirm it",
                    "此启用申请（编号 " + id + "）由您本人提出，须由另一名政策管理员确认（双人启用）");
        }
        String reason = (request.reason() == null ? "" : request.reason() + " — ") + "requested by "
                + request.requestedBy() + " (request " + id + "), confirmed by " + user;
        // made at the sequence of the request: a region that moved since is 409, and the request stays PENDING
        return decisions.activate(request.regionCode(), request.version(), user, reason, request.sequence(),
                (tx, activation) -> {
            ActivationRequest confirmed = decide(tx, id, ActivationRequest.Status.CONFIRMED, user, activation.at());
            tx.audit().append(activation.at(), user, "policy.activation-confirmed", ENTITY, id, request,
                    new Confirmed(confirmed, activation));
        });
    }

    /** What the audit trail records of a confirmation: the request as decided and the activation it made. */
    record Confirmed(ActivationRequest request, Activation activation) {
    }

    @Override
    public ActivationRequest cancel(long id) {
        Authentication session = Access.require(PERMISSION);
        String user = session.user().username();
        ActivationRequest request = pending(id, RegionScope.of(session.user()), user, "cancel");
        Instant now = clock.instant();
        return store.transaction(tx -> {
            ActivationRequest cancelled = decide(tx, id, ActivationRequest.Status.CANCELLED, user, now);
            tx.audit().append(now, user, "policy.activation-cancelled", ENTITY, id, request, cancelled);
            return cancelled;
        });
    }

    @Override
    public List<ActivationRequest> list(ActivationRequest.Status status) {
        Authentication session = Access.require(PERMISSION);
        RegionScope scope = RegionScope.of(session.user());
        String user = session.user().username();
        Instant now = clock.instant();
        return store.transaction(tx -> {
            for (ActivationRequest pending : tx.activationRequests().list(ActivationRequest.Status.PENDING)) {
                if (due(pending, now) && scope.covers(pending.regionCode())) {
                    expire(tx, pending, user, now);
                }
            }
            return tx.activationRequests().list(status).stream().filter(r -> scope.covers(r.regionCode())).toList();
        });
    }

    /**
     * The request, when it is in the user's regions and pending. One found past its time is stored
     * EXPIRED (and audited) before the refusal, so the refusal is not undone with its transaction.
     */
    private ActivationRequest pending(long id, RegionScope scope, String user, String what) {
        Instant now = clock.instant();
        ActivationRequest request = store.transaction(tx -> {
            ActivationRequest found = tx.activationRequests().find(id).filter(r -> scope.covers(r.regionCode()))
                    .orElseThrow(() -> new AccessException(Kind.NOT_FOUND, "id", "exists", "no activation request "
                            + id, "不存在编号为 " + id + " 的启用申请"));
            return found.status() == ActivationRequest.Status.PENDING && due(found, now) ? expire(tx, found, user, now)
                    : found;
        });
        if (request.status() == ActivationRequest.Status.EXPIRED) {
            throw new AccessException(Kind.CONFLICT, "id", "expired", "request " + id + " expired at "
                    + request.expiresAt() + " (" + VALIDITY.toHours() + " h after it was made) and cannot be " + what
                    + "ed; request the activation again", "启用申请（编号 " + id + "）已于 " + request.expiresAt()
                    + " 过期（申请后 " + VALIDITY.toHours() + " 小时），不能再" + ("confirm".equals(what) ? "确认" : "撤销")
                    + "，请重新申请");
        }
        if (request.status() != ActivationRequest.Status.PENDING) {
            throw notPending(request);
        }
        return request;
    }

    private static boolean due(ActivationRequest request, Instant now) {
        return !now.isBefore(request.expiresAt());
    }

    private static ActivationRequest expire(WorkflowTx tx, ActivationRequest request, String user, Instant now) {
        ActivationRequest expired = decide(tx, request.id(), ActivationRequest.Status.EXPIRED, user, now);
        tx.audit().append(now, user, "policy.activation-expired", ENTITY, request.id(), request, expired);
        return expired;
    }

    /** Ends a pending request; CONFLICT when another decision came first. */
    private static ActivationRequest decide(WorkflowTx tx, long id, ActivationRequest.Status status, String user,
            Instant at) {
        try {
            return tx.activationRequests().decide(id, status, user, at);
        } catch (WorkflowException e) {
            if (e.kind() == WorkflowException.Kind.CONFLICT) {
                throw notPending(tx.activationRequests().find(id).orElseThrow());
            }
            throw e;
        }
    }

    private static AccessException notPending(ActivationRequest request) {
        return new AccessException(Kind.CONFLICT, "id", "status:" + request.status(), "request " + request.id()
                + " is " + request.status() + " (by " + request.decidedBy() + "), no longer PENDING", "启用申请（编号 "
                + request.id() + "）已" + switch (request.status()) {
                    case CONFIRMED -> "确认";
                    case CANCELLED -> "撤销";
                    case EXPIRED -> "过期";
                    case PENDING -> "待确认";
                } + "（" + request.decidedBy() + "），不再待确认");
    }

    private static AccessException notInstalled(String region, String version) {
        return new AccessException(Kind.NOT_FOUND, "version", "installed", "version " + version + " of region "
                + region + " is not installed", "地区 " + region + " 的版本 " + version + " 未安装");
    }
}
