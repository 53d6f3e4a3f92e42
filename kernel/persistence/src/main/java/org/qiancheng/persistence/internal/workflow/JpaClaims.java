package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.model.Money;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.model.PriorSubsidy;
import org.qiancheng.api.model.SkillLevel;
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
import org.qiancheng.persistence.ClaimTx;

/**
 * Claims and their payments over the entity manager of one transaction. A claim's record carries
 * the sum of its payments: one grouped query for any number of claims.
 */
final class JpaClaims implements ClaimTx {

    /** Payments of the claim {@code e} that paid something. */
    private static final String PAYMENTS = "EXISTS (SELECT d FROM DisbursementEntity d WHERE d.claimId = e.id"
            + " AND d.amount > 0)";
    private static final String PAID = "(SELECT SUM(d2.amount) FROM DisbursementEntity d2 WHERE d2.claimId = e.id)";

    private final Rows rows;
    private final DecisionCodec codec;

    JpaClaims(Rows rows, DecisionCodec codec) {
        this.rows = rows;
        this.codec = codec;
    }

    @Override
    public Claim insert(TrainingClass trainingClass, long enrolmentId, long traineeId, ClaimStatus status,
            Decision decision, List<String> findings, String computedBy) {
        return insertAll(trainingClass, List.of(new NewClaim(enrolmentId, traineeId, status, codec.encoded(decision),
                findings)), computedBy).get(0);
    }

    @Override
    public List<Claim> insertAll(TrainingClass trainingClass, List<NewClaim> claims, String computedBy) {
        List<ClaimEntity> entities = new ArrayList<>(claims.size());
        for (NewClaim claim : claims) {
            ClaimEntity entity = ClaimEntity.of(trainingClass, claim.enrolmentId(), claim.traineeId(), claim.status(),
                    claim.decision().decision(), claim.findings(), codec.stored(claim.decision()));
            entity.computedBy = computedBy;
            entities.add(entity);
        }
        // one batch for the class, past the entity manager: nothing in this transaction changes them again
        JdbcInserts.insert(rows.manager, ClaimEntity.class, ClaimEntity.INSERT, entities);
        List<Claim> records = new ArrayList<>(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            records.add(entities.get(i).toRecord(claims.get(i).decision().decision(), Money.ZERO));
        }
        return records;
    }

    @Override
    public Set<Long> claimedEnrolments(Collection<Long> classIds) {
        Set<Long> claimed = new HashSet<>();
        for (List<Long> chunk : Rows.chunks(new HashSet<>(classIds))) {
            claimed.addAll(rows.manager.createQuery("SELECT c.enrolmentId FROM ClaimEntity c WHERE c.classId IN :c"
                    + " AND c.supplement = :s", Long.class).setParameter("c", chunk)
                    .setParameter("s", ClaimKey.ORIGINAL).getResultList());
        }
        return claimed;
    }

    @Override
    public Claim insertTopUp(TrainingClass trainingClass, Claim original, ClaimStatus status, Decision decision,
            BigDecimal amount, List<String> findings, String computedBy) {
        ClaimEntity claim = ClaimEntity.topUp(trainingClass, original, status, decision, amount, findings,
                codec.encode(decision));
        claim.computedBy = computedBy;
        return rows.persisted(claim).toRecord(decision, Money.ZERO);
    }

    @Override
    public Optional<Claim> ofEnrolment(long enrolmentId, boolean topUp) {
        return rows.manager.createQuery("SELECT c FROM ClaimEntity c WHERE c.enrolmentId = :e AND c.supplement = :s",
                ClaimEntity.class).setParameter("e", enrolmentId)
                .setParameter("s", topUp ? ClaimKey.TOP_UP : ClaimKey.ORIGINAL).getResultList().stream().findFirst()
                .map(c -> records(List.of(c)).get(0));
    }

    @Override
    public Optional<Duties> duties(long claimId) {
        return rows.manager.createQuery("SELECT k.filedBy, c.computedBy, c.reviewedBy FROM ClaimEntity c, ClassEntity k"
                + " WHERE c.id = :id AND k.id = c.classId", Object[].class).setParameter("id", claimId).getResultList()
                .stream().findFirst().map(r -> new Duties((String) r[0], (String) r[1], (String) r[2]));
    }

    @Override
    public Optional<Claim> find(long id) {
        return Optional.ofNullable(rows.manager.find(ClaimEntity.class, id)).map(c -> records(List.of(c)).get(0));
    }

    @Override
    public List<Claim> ofClass(long classId) {
        return records(rows.manager.createQuery("SELECT c FROM ClaimEntity c WHERE c.classId = :c ORDER BY c.id",
                ClaimEntity.class).setParameter("c", classId).getResultList());
    }

    @Override
    public Page<Claim> list(RegionScope scope, ClaimFilter filter, int offset, int limit) {
        Page<ClaimEntity> page = selecting(scope, filter).page(offset, limit, e -> e);
        return new Page<>(records(page.items()), page.total(), offset, limit);
    }

    @Override
    public ClaimSummary summarize(RegionScope scope, ClaimFilter filter) {
        Object[] row = selecting(scope, filter).aggregate("COUNT(e), SUM(e.amount)");
        return new ClaimSummary(((Number) row[0]).longValue(), row[1] == null ? Money.ZERO : (BigDecimal) row[1]);
    }

    @Override
    public List<Long> ids(RegionScope scope, ClaimFilter filter, int limit) {
        return selecting(scope, filter).column("e.id", Long.class, limit);
    }

    /** The claims a filter selects within a scope; the filter's region narrows the scope as an area of its own. */
    private Paging<ClaimEntity, ClaimEntity> selecting(RegionScope scope, ClaimFilter filter) {
        String byClass = "e.classId IN (SELECT c.id FROM ClassEntity c WHERE %s)";
        Paging<ClaimEntity, ClaimEntity> paging = rows.<ClaimEntity, ClaimEntity>paging(ClaimEntity.class)
                .filter("classId", "=", filter.classId()).filter("status", "=", filter.status())
                .within(scope, byClass, "c.regionCode");
        if (filter.region() != null) {
            paging.within(new RegionScope(List.of(filter.region())), byClass, "c.regionCode");
        }
        if (filter.paymentState() != null) {
            paging.condition(switch (filter.paymentState()) {
                case UNPAID -> "NOT " + PAYMENTS;
                case ADVANCED -> PAYMENTS + " AND e.amount > " + PAID;
                case PAID -> PAYMENTS + " AND e.amount <= " + PAID;
            });
        }
        return paging;
    }

    @Override
    public List<PriorSubsidy> subsidiesOf(long traineeId) {
        return subsidiesOf(List.of(traineeId)).get(traineeId);
    }

    @Override
    public Map<Long, List<PriorSubsidy>> subsidiesOf(Collection<Long> traineeIds) {
        // a top-up adds to its enrolment's subsidy: one training, one subsidy, for a policy's caps and counts
        Map<Long, Map<Long, PriorSubsidy>> byTrainee = new HashMap<>();
        traineeIds.forEach(id -> byTrainee.put(id, new LinkedHashMap<>()));
        for (List<Long> chunk : Rows.chunks(byTrainee.keySet())) {
            for (Object[] c : rows.manager.createQuery("SELECT c.traineeId, c.enrolmentId, c.classStart, c.regionCode,"
                    + " c.occupationCode, c.level, c.amount FROM ClaimEntity c WHERE c.traineeId IN :t"
                    + " AND c.status <> :rejected ORDER BY c.classStart, c.id", Object[].class).setParameter("t", chunk)
                    .setParameter("rejected", ClaimStatus.REJECTED).getResultList()) {
                byTrainee.get((Long) c[0]).merge((Long) c[1], new PriorSubsidy((LocalDate) c[2], (String) c[3],
                        (String) c[4], (SkillLevel) c[5], (BigDecimal) c[6]), (first, more) -> new PriorSubsidy(
                                first.classStart(), first.regionCode(), first.occupationCode(), first.level(),
                                first.amount().add(more.amount())));
            }
        }
        Map<Long, List<PriorSubsidy>> subsidies = new HashMap<>();
        byTrainee.forEach((trainee, byEnrolment) -> subsidies.put(trainee, List.copyOf(byEnrolment.values())));
        return subsidies;
    }

    @Override
    public Claim changeStatus(long id, ClaimStatus status, String note, String reviewedBy, long expectedVersion) {
        ClaimEntity claim = rows.current(ClaimEntity.class, id, expectedVersion);
        claim.status = status;
        claim.reviewNote = note;
        claim.reviewedBy = reviewedBy;
        return rows.updated(claim, c -> records(List.of(c)).get(0));
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
        return records(rows.manager.createQuery("SELECT c FROM ClaimEntity c WHERE c.regionCode = :r"
                + " AND c.classStart >= :from AND c.classStart <= :to AND c.id > :after"
                + " AND (c.supplement = :topUp OR NOT EXISTS (SELECT t FROM ClaimEntity t"
                + " WHERE t.enrolmentId = c.enrolmentId AND t.supplement = :topUp)) ORDER BY c.id",
                ClaimEntity.class).setParameter("topUp", ClaimKey.TOP_UP).setParameter("r", regionCode).setParameter("from", from).setParameter("to", to)
                .setParameter("after", afterId).setMaxResults(limit).getResultList());
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
    public Disbursement pay(long claimId, InstalmentKind kind, BigDecimal amount, LocalDate on, String paidBy) {
        return rows.persisted(DisbursementEntity.of(claimId, kind, amount, on, paidBy)).toRecord();
    }

    @Override
    public List<PaidInstalment> paidBetween(RegionScope scope, String region, LocalDate from, LocalDate to,
            int limit) {
        StringBuilder jpql = new StringBuilder("SELECT d, c.classId, i.name, t.name, t.residentId, c"
                + " FROM DisbursementEntity d, ClaimEntity c, ClassEntity k, InstitutionEntity i, TraineeEntity t"
                + " WHERE c.id = d.claimId AND k.id = c.classId AND i.id = c.institutionId AND t.id = c.traineeId"
                + " AND d.paidOn >= :from AND d.paidOn <= :to");
        Map<String, Object> parameters = new HashMap<>(Map.of("from", from, "to", to));
        for (RegionScope area : region == null ? List.of(scope) : List.of(scope, new RegionScope(List.of(region)))) {
            if (!area.all()) {
                StringBuilder any = new StringBuilder();
                for (String prefix : area.prefixes()) {
                    String name = "r" + parameters.size();
                    any.append(any.length() == 0 ? "" : " OR ").append("k.regionCode LIKE :").append(name);
                    parameters.put(name, prefix + "%");
                }
                jpql.append(" AND (").append(any.length() == 0 ? "1 = 0" : any).append(')');
            }
        }
        var query = rows.manager.createQuery(jpql.append(" ORDER BY d.paidOn, d.id").toString(), Object[].class);
        parameters.forEach(query::setParameter);
        // the policy version lives in the stored decision only: read once per claim (two instalments share one)
        Map<Long, String> versions = new HashMap<>();
        return query.setMaxResults(limit).getResultList().stream().map(row -> {
            DisbursementEntity paid = (DisbursementEntity) row[0];
            String version = versions.computeIfAbsent(paid.claimId,
                    claim -> ((ClaimEntity) row[5]).decision(codec).policy().version());
            return new PaidInstalment(paid.paidOn, paid.id, paid.claimId, (Long) row[1], (String) row[2],
                    (String) row[3], new ResidentId((String) row[4]), paid.kind, paid.amount, version, paid.paidBy);
        }).toList();
    }

    /** The records of the claims, in their order, each with the sum of its payments. */
    private List<Claim> records(List<ClaimEntity> claims) {
        if (claims.isEmpty()) {
            return List.of();
        }
        Map<Long, BigDecimal> paid = new HashMap<>();
        rows.manager.createQuery("SELECT d.claimId, SUM(d.amount) FROM DisbursementEntity d WHERE d.claimId IN :ids"
                + " GROUP BY d.claimId", Object[].class).setParameter("ids", claims.stream().map(c -> c.id).toList())
                .getResultList().forEach(row -> paid.put((Long) row[0], (BigDecimal) row[1]));
        return claims.stream().map(c -> c.toRecord(codec, paid.getOrDefault(c.id, Money.ZERO))).toList();
    }
}
