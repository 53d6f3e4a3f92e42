package org.qiancheng.persistence.internal.workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.workflow.Enrolment;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.persistence.EnrolmentTx;

/** Enrolments, their check-in days and outcomes, over the entity manager of one transaction. */
final class JpaEnrolments implements EnrolmentTx {

    private final Rows rows;

    JpaEnrolments(Rows rows) {
        this.rows = rows;
    }

    @Override
    public boolean exists(long classId, long traineeId) {
        return rows.manager.createQuery("SELECT COUNT(n) FROM EnrolmentEntity n WHERE n.classId = :c"
                + " AND n.traineeId = :t", Long.class).setParameter("c", classId).setParameter("t", traineeId)
                .getSingleResult() > 0;
    }

    @Override
    public Enrolment insert(long classId, long traineeId, LocalDate on, PolicyIdentity checkedBy) {
        return rows.persisted(EnrolmentEntity.of(classId, traineeId, on, checkedBy)).toRecord();
    }

    @Override
    public Optional<Enrolment> find(long id) {
        return rows.find(EnrolmentEntity.class, id, EnrolmentEntity::toRecord);
    }

    @Override
    public Page<Enrolment> list(long classId, int offset, int limit) {
        return rows.<EnrolmentEntity, Enrolment>paging(EnrolmentEntity.class).filter("classId", "=", classId)
                .page(offset, limit, EnrolmentEntity::toRecord);
    }

    @Override
    public List<Enrolment> ofClass(long classId) {
        return ofClasses(List.of(classId)).get(classId);
    }

    @Override
    public java.util.Map<Long, List<Enrolment>> ofClasses(java.util.Collection<Long> classIds) {
        java.util.Map<Long, List<Enrolment>> byClass = new java.util.HashMap<>();
        classIds.forEach(id -> byClass.put(id, new java.util.ArrayList<>()));
        for (List<Long> chunk : Rows.chunks(byClass.keySet())) {
            // columns, not entities: a settlement reads every class's enrolments, and entities would be registered
            // in its transaction, copied, and compared with their copies at every flush
            rows.manager.createQuery("SELECT " + EnrolmentEntity.COLUMNS + " FROM EnrolmentEntity n"
                    + " WHERE n.classId IN :c ORDER BY n.classId, n.id", Object[].class).setParameter("c", chunk)
                    .getResultList().forEach(r -> byClass.get((Long) r[1]).add(EnrolmentEntity.record(r)));
        }
        byClass.replaceAll((id, enrolments) -> List.copyOf(enrolments));
        return byClass;
    }

    @Override
    public Enrolment checkIn(long enrolmentId, LocalDate day) {
        EnrolmentEntity enrolment = rows.existing(EnrolmentEntity.class, enrolmentId);
        long already = rows.manager.createQuery("SELECT COUNT(a) FROM AttendanceEntity a WHERE a.enrolmentId = :e"
                + " AND a.day = :d", Long.class).setParameter("e", enrolmentId).setParameter("d", day)
                .getSingleResult();
        if (already == 0) {
            rows.manager.persist(AttendanceEntity.of(enrolmentId, day));
            enrolment.attendedDays++;
            rows.manager.flush();
        }
        return enrolment.toRecord();
    }

    @Override
    public Enrolment recordOutcome(long enrolmentId, TraineeOutcome outcome, long expectedVersion) {
        EnrolmentEntity enrolment = rows.current(EnrolmentEntity.class, enrolmentId, expectedVersion);
        enrolment.outcome(outcome);
        return rows.updated(enrolment, EnrolmentEntity::toRecord);
    }

    @Override
    public Enrolment recordEmployment(long enrolmentId, EmploymentOutcome employment, LocalDate employedOn,
            LocalDate recordedOn) {
        EnrolmentEntity enrolment = rows.existing(EnrolmentEntity.class, enrolmentId);
        enrolment.employment = employment;
        enrolment.employedOn = employedOn;
        enrolment.employmentRecordedOn = recordedOn;
        return rows.updated(enrolment, EnrolmentEntity::toRecord);
    }

    @Override
    public List<Enrolment> employmentRecorded(String regionPrefix, LocalDate from, LocalDate to, long afterId,
            int limit) {
        String region = regionPrefix == null ? "" : " AND c.regionCode LIKE :prefix";
        var query = rows.manager.createQuery("SELECT n FROM EnrolmentEntity n, ClassEntity c WHERE n.classId = c.id"
                + " AND n.employmentRecordedOn BETWEEN :from AND :to AND n.id > :after" + region + " ORDER BY n.id",
                EnrolmentEntity.class).setParameter("from", from).setParameter("to", to).setParameter("after", afterId)
                .setMaxResults(limit);
        if (regionPrefix != null) {
            query.setParameter("prefix", regionPrefix + "%");
        }
        return query.getResultList().stream().map(EnrolmentEntity::toRecord).toList();
    }
}
