package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.PriorSubsidy;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TargetGroup;
import org.qiancheng.api.workflow.AuditEvent;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.ClaimStatus;
import org.qiancheng.api.workflow.Disbursement;
import org.qiancheng.api.workflow.Enrolment;
import org.qiancheng.api.workflow.InstalmentKind;
import org.qiancheng.api.workflow.Institution;
import org.qiancheng.api.workflow.InstitutionStatus;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.Project;
import org.qiancheng.api.workflow.Trainee;
import org.qiancheng.api.workflow.TrainingClass;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.SettlementTx;
import org.qiancheng.persistence.WorkflowTx;

/** The workflow's reads and writes over one entity manager, inside one transaction. */
final class JpaWorkflowTx implements WorkflowTx {

    private final EntityManager manager;

    JpaWorkflowTx(EntityManager manager) {
        this.manager = manager;
    }

    @Override
    public Institution insertInstitution(String name, String regionCode, InstitutionStatus status, String creditGrade) {
        InstitutionEntity e = new InstitutionEntity();
        e.name = name;
        e.regionCode = regionCode;
        e.status = status;
        e.creditGrade = creditGrade;
        return persisted(e).toRecord();
    }

    @Override
    public Optional<Institution> institution(long id) {
        return Optional.ofNullable(manager.find(InstitutionEntity.class, id)).map(InstitutionEntity::toRecord);
    }

    @Override
    public Page<Institution> institutions(String region, InstitutionStatus status, int offset, int limit) {
        return new Paging<InstitutionEntity, Institution>(manager, InstitutionEntity.class)
                .filter("regionCode", "=", region).filter("status", "=", status)
                .page(offset, limit, InstitutionEntity::toRecord);
    }

    @Override
    public Institution updateInstitutionStatus(long id, InstitutionStatus status, long expectedVersion) {
        InstitutionEntity e = current(InstitutionEntity.class, id, expectedVersion, e0 -> e0.version);
        e.status = status;
        manager.flush();
        return e.toRecord();
    }

    @Override
    public Project insertProject(String regionCode, String name, String occupationCode, SkillLevel level, int headcount,
            String evaluationDirection, String employmentDirection, String wageGuidance) {
        ProjectEntity e = new ProjectEntity();
        e.regionCode = regionCode;
        e.name = name;
        e.occupationCode = occupationCode;
        e.level = level;
        e.headcount = headcount;
        e.evaluationDirection = evaluationDirection;
        e.employmentDirection = employmentDirection;
        e.wageGuidance = wageGuidance;
        return persisted(e).toRecord();
    }

    @Override
    public Optional<Project> project(long id) {
        return Optional.ofNullable(manager.find(ProjectEntity.class, id)).map(ProjectEntity::toRecord);
    }

    @Override
    public Page<Project> projects(String region, Boolean published, int offset, int limit) {
        Paging<ProjectEntity, Project> paging = new Paging<ProjectEntity, Project>(manager, ProjectEntity.class)
                .filter("regionCode", "=", region);
        if (published != null) {
            paging.condition(published ? "e.publishedOn IS NOT NULL" : "e.publishedOn IS NULL");
        }
        return paging.page(offset, limit, ProjectEntity::toRecord);
    }

    @Override
    public Project publishProject(long id, LocalDate on, long expectedVersion) {
        ProjectEntity e = current(ProjectEntity.class, id, expectedVersion, e0 -> e0.version);
        e.publishedOn = on;
        manager.flush();
        return e.toRecord();
    }

    @Override
    public TrainingClass insertClass(long projectId, long institutionId, ClassFacts facts, LocalDate filedOn,
            BigDecimal attendanceThreshold) {
        ClassEntity e = new ClassEntity();
        e.projectId = projectId;
        e.institutionId = institutionId;
        e.regionCode = facts.regionCode();
        e.occupationCode = facts.occupationCode();
        e.level = facts.level();
        e.mode = facts.mode();
        e.kind = facts.kind();
        e.startDate = facts.startDate();
        e.endDate = facts.endDate();
        e.hours = facts.hours();
        e.filedOn = filedOn;
        e.attendanceThreshold = attendanceThreshold;
        return persisted(e).toRecord();
    }

    @Override
    public Optional<TrainingClass> trainingClass(long id) {
        return Optional.ofNullable(manager.find(ClassEntity.class, id)).map(ClassEntity::toRecord);
    }

    @Override
    public Page<TrainingClass> classes(String region, Long projectId, int offset, int limit) {
        return new Paging<ClassEntity, TrainingClass>(manager, ClassEntity.class).filter("regionCode", "=", region)
                .filter("projectId", "=", projectId).page(offset, limit, ClassEntity::toRecord);
    }

    @Override
    public List<TrainingClass> classesEnded(String regionPrefix, LocalDate from, LocalDate to) {
        return settlements().classesEnded(regionPrefix, from, to, 0, Integer.MAX_VALUE);
    }

    @Override
    public List<TrainingClass> classesOf(long traineeId) {
        return manager.createQuery("SELECT c FROM ClassEntity c, EnrolmentEntity n WHERE n.classId = c.id"
                + " AND n.traineeId = :trainee ORDER BY c.startDate", ClassEntity.class)
                .setParameter("trainee", traineeId).getResultList().stream().map(ClassEntity::toRecord).toList();
    }

    @Override
    public Trainee insertTrainee(ResidentId residentId, String name, Set<TargetGroup> groups,
            Set<TargetGroup> familyGroups, String householdRegion, String residenceRegion, boolean receivesPension) {
        TraineeEntity e = new TraineeEntity();
        e.residentId = residentId.number();
        e.name = name;
        e.groups = TraineeEntity.encode(groups);
        e.familyGroups = TraineeEntity.encode(familyGroups);
        e.householdRegion = householdRegion;
        e.residenceRegion = residenceRegion;
        e.receivesPension = receivesPension;
        return persisted(e).toRecord();
    }

    @Override
    public Optional<Trainee> trainee(long id) {
        return Optional.ofNullable(manager.find(TraineeEntity.class, id)).map(TraineeEntity::toRecord);
    }

    @Override
    public Optional<Trainee> traineeByResidentId(ResidentId residentId) {
        return manager.createQuery("SELECT t FROM TraineeEntity t WHERE t.residentId = :number", TraineeEntity.class)
                .setParameter("number", residentId.number()).getResultList().stream().findFirst()
                .map(TraineeEntity::toRecord);
    }

    @Override
    public Page<Trainee> trainees(String regionPrefix, int offset, int limit) {
        return new Paging<TraineeEntity, Trainee>(manager, TraineeEntity.class)
                .filter("householdRegion", "LIKE", regionPrefix == null ? null : regionPrefix + "%")
                .page(offset, limit, TraineeEntity::toRecord);
    }

    @Override
    public void claimTrainee(long traineeId) {
        TraineeEntity trainee = manager.find(TraineeEntity.class, traineeId);
        manager.lock(trainee, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }

    @Override
    public boolean enrolled(long classId, long traineeId) {
        return manager.createQuery("SELECT COUNT(n) FROM EnrolmentEntity n WHERE n.classId = :c AND n.traineeId = :t",
                Long.class).setParameter("c", classId).setParameter("t", traineeId).getSingleResult() > 0;
    }

    @Override
    public Enrolment insertEnrolment(long classId, long traineeId, LocalDate on, PolicyIdentity checkedBy) {
        EnrolmentEntity e = new EnrolmentEntity();
        e.classId = classId;
        e.traineeId = traineeId;
        e.enrolledOn = on;
        e.policyRegion = checkedBy.regionCode();
        e.policyBundle = checkedBy.bundleSymbolicName();
        e.policyVersion = checkedBy.version();
        e.policyHash = checkedBy.contentHash();
        return persisted(e).toRecord();
    }

    @Override
    public Page<Enrolment> enrolments(long classId, int offset, int limit) {
        return new Paging<EnrolmentEntity, Enrolment>(manager, EnrolmentEntity.class).filter("classId", "=", classId)
                .page(offset, limit, EnrolmentEntity::toRecord);
    }

    @Override
    public Optional<Enrolment> enrolment(long id) {
        return Optional.ofNullable(manager.find(EnrolmentEntity.class, id)).map(EnrolmentEntity::toRecord);
    }

    @Override
    public List<Enrolment> enrolmentsOf(long classId) {
        return manager.createQuery("SELECT n FROM EnrolmentEntity n WHERE n.classId = :c ORDER BY n.id",
                EnrolmentEntity.class).setParameter("c", classId).getResultList().stream()
                .map(EnrolmentEntity::toRecord).toList();
    }

    @Override
    public Enrolment checkIn(long enrolmentId, LocalDate day) {
        EnrolmentEntity enrolment = existing(EnrolmentEntity.class, enrolmentId);
        long already = manager.createQuery("SELECT COUNT(a) FROM AttendanceEntity a WHERE a.enrolmentId = :e"
                + " AND a.day = :d", Long.class).setParameter("e", enrolmentId).setParameter("d", day).getSingleResult();
        if (already == 0) {
            AttendanceEntity attendance = new AttendanceEntity();
            attendance.enrolmentId = enrolmentId;
            attendance.day = day;
            manager.persist(attendance);
            enrolment.attendedDays++;
            manager.flush();
        }
        return enrolment.toRecord();
    }

    @Override
    public Enrolment updateOutcome(long enrolmentId, TraineeOutcome outcome, long expectedVersion) {
        EnrolmentEntity enrolment = current(EnrolmentEntity.class, enrolmentId, expectedVersion, e0 -> e0.version);
        enrolment.outcome(outcome);
        manager.flush();
        return enrolment.toRecord();
    }

    @Override
    public boolean rememberIdempotencyKey(String key, String request) {
        IdempotencyEntity known = manager.find(IdempotencyEntity.class, key);
        if (known != null) {
            if (!known.scope.equals(request)) {
                throw new WorkflowException(WorkflowException.Kind.CONFLICT, "Idempotency-Key", "idempotency",
                        "the key was used for another request (" + known.scope + ")");
            }
            return false;
        }
        IdempotencyEntity entity = new IdempotencyEntity();
        entity.key = key;
        entity.scope = request;
        persisted(entity);
        return true;
    }

    @Override
    public Claim insertClaim(TrainingClass trainingClass, long enrolmentId, long traineeId, ClaimStatus status,
            Decision decision, List<String> findings) {
        ClaimEntity e = new ClaimEntity();
        e.classId = trainingClass.id();
        e.enrolmentId = enrolmentId;
        e.traineeId = traineeId;
        e.institutionId = trainingClass.institutionId();
        e.status = status;
        e.amount = decision.amount();
        e.regionCode = decision.policy().regionCode();
        e.occupationCode = trainingClass.facts().occupationCode();
        e.level = trainingClass.facts().level();
        e.classStart = trainingClass.facts().startDate();
        e.decision = DecisionJson.write(decision);
        e.findings = String.join("\n", findings);
        return persisted(e).toRecord(decision);
    }

    @Override
    public Optional<Claim> claim(long id) {
        return Optional.ofNullable(manager.find(ClaimEntity.class, id)).map(ClaimEntity::toRecord);
    }

    @Override
    public List<Claim> claimsOfClass(long classId) {
        return manager.createQuery("SELECT c FROM ClaimEntity c WHERE c.classId = :c ORDER BY c.id", ClaimEntity.class)
                .setParameter("c", classId).getResultList().stream().map(ClaimEntity::toRecord).toList();
    }

    @Override
    public Page<Claim> claims(Long classId, ClaimStatus status, int offset, int limit) {
        return new Paging<ClaimEntity, Claim>(manager, ClaimEntity.class).filter("classId", "=", classId)
                .filter("status", "=", status).page(offset, limit, ClaimEntity::toRecord);
    }

    @Override
    public List<PriorSubsidy> subsidiesOf(long traineeId) {
        return manager.createQuery("SELECT c FROM ClaimEntity c WHERE c.traineeId = :t AND c.status <> :rejected"
                + " ORDER BY c.classStart", ClaimEntity.class).setParameter("t", traineeId)
                .setParameter("rejected", ClaimStatus.REJECTED).getResultList().stream()
                .map(c -> new PriorSubsidy(c.classStart, c.regionCode, c.occupationCode, c.level, c.amount)).toList();
    }

    @Override
    public Claim updateClaimStatus(long id, ClaimStatus status, String note, long expectedVersion) {
        ClaimEntity claim = current(ClaimEntity.class, id, expectedVersion, e0 -> e0.version);
        claim.status = status;
        claim.reviewNote = note;
        manager.flush();
        return claim.toRecord();
    }

    @Override
    public void lockClaim(long claimId) {
        manager.lock(existing(ClaimEntity.class, claimId), LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }

    @Override
    public List<Disbursement> disbursementsOf(long claimId) {
        return manager.createQuery("SELECT d FROM DisbursementEntity d WHERE d.claimId = :c ORDER BY d.id",
                DisbursementEntity.class).setParameter("c", claimId).getResultList().stream()
                .map(DisbursementEntity::toRecord).toList();
    }

    @Override
    public Disbursement insertDisbursement(long claimId, InstalmentKind kind, BigDecimal amount, LocalDate on) {
        DisbursementEntity e = new DisbursementEntity();
        e.claimId = claimId;
        e.kind = kind;
        e.amount = amount;
        e.paidOn = on;
        return persisted(e).toRecord();
    }

    @Override
    public void audit(java.time.Instant at, String actor, String action, String entity, long entityId, Object before,
            Object after) {
        AuditEventEntity e = new AuditEventEntity();
        e.at = AuditEventEntity.utc(at);
        e.actor = actor;
        e.action = action;
        e.entity = entity;
        e.entityId = entityId;
        e.before = AuditJson.write(before);
        e.after = AuditJson.write(after);
        manager.persist(e);
    }

    @Override
    public Page<AuditEvent> auditEvents(String entity, Long entityId, int offset, int limit) {
        return new Paging<AuditEventEntity, AuditEvent>(manager, AuditEventEntity.class).filter("entity", "=", entity)
                .filter("entityId", "=", entityId).newestFirst().page(offset, limit, AuditEventEntity::toRecord);
    }

    @Override
    public List<Claim> claimsDecidedBy(String regionCode, LocalDate from, LocalDate to, long afterId, int limit) {
        return manager.createQuery("SELECT c FROM ClaimEntity c WHERE c.regionCode = :r AND c.classStart >= :from"
                + " AND c.classStart <= :to AND c.id > :after ORDER BY c.id", ClaimEntity.class)
                .setParameter("r", regionCode).setParameter("from", from).setParameter("to", to)
                .setParameter("after", afterId).setMaxResults(limit).getResultList().stream()
                .map(ClaimEntity::toRecord).toList();
    }

    @Override
    public void release() {
        manager.flush();
        manager.clear();
    }

    @Override
    public SettlementTx settlements() {
        return new JpaSettlements(manager);
    }

    @Override
    public int freezeOpenClaims(long institutionId) {
        List<ClaimEntity> open = manager.createQuery("SELECT c FROM ClaimEntity c WHERE c.institutionId = :i"
                + " AND c.status IN :open", ClaimEntity.class).setParameter("i", institutionId)
                .setParameter("open", List.of(ClaimStatus.COMPUTED, ClaimStatus.FLAGGED)).getResultList();
        open.forEach(c -> c.status = ClaimStatus.FROZEN);
        manager.flush();
        return open.size();
    }

    private <E> E existing(Class<E> type, long id) {
        E entity = manager.find(type, id);
        if (entity == null) {
            throw new WorkflowException(WorkflowException.Kind.NOT_FOUND, "id", "exists", "no record " + id);
        }
        return entity;
    }

    private <E> E persisted(E entity) {
        manager.persist(entity);
        manager.flush();
        return entity;
    }

    private <E> E current(Class<E> type, long id, long expectedVersion, java.util.function.ToLongFunction<E> version) {
        E entity = existing(type, id);
        if (version.applyAsLong(entity) != expectedVersion) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, "version", "version", "record " + id
                    + " is at version " + version.applyAsLong(entity) + ", not " + expectedVersion + " as read");
        }
        return entity;
    }
}
