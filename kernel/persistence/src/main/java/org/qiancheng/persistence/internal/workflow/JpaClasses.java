package org.qiancheng.persistence.internal.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.Survey;
import org.qiancheng.api.workflow.TrainingClass;
import org.qiancheng.persistence.ClassTx;
import org.qiancheng.persistence.SettlementTx;

/** Filed classes over the entity manager of one transaction. */
final class JpaClasses implements ClassTx {

    private final Rows rows;
    private final SettlementTx settlements;

    JpaClasses(Rows rows, SettlementTx settlements) {
        this.rows = rows;
        this.settlements = settlements;
    }

    @Override
    public TrainingClass insert(long projectId, long institutionId, ClassFacts facts, LocalDate filedOn,
            BigDecimal attendanceThreshold, String filedBy) {
        ClassEntity filed = ClassEntity.of(projectId, institutionId, facts, filedOn, attendanceThreshold);
        filed.filedBy = filedBy;
        return rows.persisted(filed).toRecord();
    }

    @Override
    public Optional<TrainingClass> find(long id) {
        return rows.find(ClassEntity.class, id, ClassEntity::toRecord);
    }

    @Override
    public Page<TrainingClass> list(RegionScope scope, String region, Long projectId, int offset, int limit) {
        return rows.<ClassEntity, TrainingClass>paging(ClassEntity.class).filter("regionCode", "=", region)
                .within(scope, "%s", "e.regionCode")
                .filter("projectId", "=", projectId).page(offset, limit, ClassEntity::toRecord);
    }

    @Override
    public List<TrainingClass> ended(String regionPrefix, LocalDate from, LocalDate to) {
        return settlements.classesEnded(regionPrefix, from, to, 0, Integer.MAX_VALUE);
    }

    @Override
    public List<TrainingClass> ofTrainee(long traineeId) {
        return rows.manager.createQuery("SELECT c FROM ClassEntity c, EnrolmentEntity n WHERE n.classId = c.id"
                + " AND n.traineeId = :trainee ORDER BY c.startDate", ClassEntity.class)
                .setParameter("trainee", traineeId).getResultList().stream().map(ClassEntity::toRecord).toList();
    }

    @Override
    public Optional<Survey> survey(long classId) {
        return rows.find(SurveyEntity.class, classId, SurveyEntity::toRecord);
    }

    @Override
    public java.util.Map<Long, Survey> surveys(java.util.Collection<Long> classIds) {
        java.util.Map<Long, Survey> surveys = new java.util.HashMap<>();
        for (List<Long> chunk : Rows.chunks(new java.util.HashSet<>(classIds))) {
            rows.manager.createQuery("SELECT s FROM SurveyEntity s WHERE s.classId IN :c", SurveyEntity.class)
                    .setParameter("c", chunk).getResultList().forEach(s -> surveys.put(s.classId, s.toRecord()));
        }
        return surveys;
    }

    @Override
    public Survey saveSurvey(Survey survey) {
        SurveyEntity row = rows.manager.find(SurveyEntity.class, survey.classId());
        if (row == null) {
            row = new SurveyEntity();
            row.set(survey);
            rows.manager.persist(row);
        } else {
            row.set(survey);
        }
        return row.toRecord();
    }
}
