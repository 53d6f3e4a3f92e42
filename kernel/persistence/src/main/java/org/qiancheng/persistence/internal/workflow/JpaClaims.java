package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.model.PriorSubsidy;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.ClaimStatus;
import org.qiancheng.api.workflow.Disbursement;
import org.qiancheng.api.workflow.InstalmentKind;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.TrainingClass;
import org.qiancheng.persistence.ClaimTx;

/** Claims and their payments over the entity manager of one transaction. */
final class JpaClaims implements ClaimTx {

    private final Rows rows;

    JpaClaims(Rows rows) {
        this.rows = rows;
    }

    @Override
    public Claim insert(TrainingClass trainingClass, long enrolmentId, long traineeId, ClaimStatus status,
            Decision decision, List<String> findings) {
        return rows.persisted(ClaimEntity.of(trainingClass, enrolmentId, traineeId, status, decision, findings))
                .toRecord(decision);
    }

    @Override
    public Optional<Claim> find(long id) {
        return rows.find(ClaimEntity.class, id, ClaimEntity::toRecord);
    }

    @Override
    public List<Claim> ofClass(long classId) {
        return rows.manager.createQuery("SELECT c FROM ClaimEntity c WHERE c.classId = :c ORDER BY c.id",
                ClaimEntity.class).setParameter("c", classId).getResultList().stream().map(ClaimEntity::toRecord)
                .toList();
    }

    @Override
    public Page<Claim> list(Long classId, ClaimStatus status, int offset, int limit) {
        return rows.<ClaimEntity, Claim>paging(ClaimEntity.class).filter("classId", "=", classId)
                .filter("status", "=", status).page(offset, limit, ClaimEntity::toRecord);
    }

    @Override
    public List<PriorSubsidy> subsidiesOf(long traineeId) {
        return rows.manager.createQuery("SELECT c FROM ClaimEntity c WHERE c.traineeId = :t AND c.status <> :rejected"
                + " ORDER BY c.classStart", ClaimEntity.class).setParameter("t", traineeId)
                .setParameter("rejected", ClaimStatus.REJECTED).getResultList().stream()
                .map(c -> new PriorSubsidy(c.classStart, c.regionCode, c.occupationCode, c.level, c.amount)).toList();
    }

    @Override
    public Claim changeStatus(long id, ClaimStatus status, String note, long expectedVersion) {
        ClaimEntity claim = rows.current(ClaimEntity.class, id, expectedVersion);
        claim.status = status;
        claim.reviewNote = note;
        return rows.updated(claim, ClaimEntity::toRecord);
    }

    @Override
    public int freezeOpen(long institutionId) {
        List<ClaimEntity> open = rows.manager.createQuery("SELECT c FROM ClaimEntity c WHERE c.institutionId = :i"
                + " AND c.status IN :open", ClaimEntity.class).setParameter("i", institutionId)
                .setParameter("open", List.of(ClaimStatus.COMPUTED, ClaimStatus.FLAGGED)).getResultList();
        open.forEach(c -> c.status = ClaimStatus.FROZEN);
        rows.manager.flush();
        return open.size();
    }

    @Override
    public List<Claim> decidedBy(String regionCode, LocalDate from, LocalDate to, long afterId, int limit) {
        return rows.manager.createQuery("SELECT c FROM ClaimEntity c WHERE c.regionCode = :r AND c.classStart >= :from"
                + " AND c.classStart <= :to AND c.id > :after ORDER BY c.id", ClaimEntity.class)
                .setParameter("r", regionCode).setParameter("from", from).setParameter("to", to)
                .setParameter("after", afterId).setMaxResults(limit).getResultList().stream()
                .map(ClaimEntity::toRecord).toList();
    }

    @Override
    public void lock(long claimId) {
        rows.manager.lock(rows.existing(ClaimEntity.class, claimId), LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }

    @Override
    public List<Disbursement> disbursements(long claimId) {
        return rows.manager.createQuery("SELECT d FROM DisbursementEntity d WHERE d.claimId = :c ORDER BY d.id",
                DisbursementEntity.class).setParameter("c", claimId).getResultList().stream()
                .map(DisbursementEntity::toRecord).toList();
    }

    @Override
    public Disbursement pay(long claimId, InstalmentKind kind, BigDecimal amount, LocalDate on) {
        return rows.persisted(DisbursementEntity.of(claimId, kind, amount, on)).toRecord();
    }
}
