package org.qiancheng.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.Survey;
import org.qiancheng.api.workflow.TrainingClass;

/** Filed classes, inside the transaction of the {@link WorkflowTx} that gave them. */
@ProviderType
public interface ClassTx {

    /**
     * Stores a class filed on a day.
     *
     * @param filedBy the username of who filed it
     */
    TrainingClass insert(long projectId, long institutionId, ClassFacts facts, LocalDate filedOn,
            BigDecimal attendanceThreshold, String filedBy);

    Optional<TrainingClass> find(long id);

    /** In id order; {@code region} and {@code projectId} {@code null} for all. */
    Page<TrainingClass> list(RegionScope scope, String region, Long projectId, int offset, int limit);

    /**
     * @param regionPrefix the leading digits of the class regions (e.g. {@code 51} for a province), or
     *     {@code null} for all
     * @return the classes that ended in the period, in id order
     */
    List<TrainingClass> ended(String regionPrefix, LocalDate from, LocalDate to);

    /** @return the classes the trainee is enrolled in, by start date */
    List<TrainingClass> ofTrainee(long traineeId);

    /** @return the class's satisfaction survey, empty until recorded */
    Optional<Survey> survey(long classId);

    /**
     * The surveys of several classes in one reading, by class id; a class without one is not a key.
     *
     * @since 0.14
     */
    java.util.Map<Long, Survey> surveys(java.util.Collection<Long> classIds);

    /** Stores a class's survey, replacing the one it had. */
    Survey saveSurvey(Survey survey);
}
