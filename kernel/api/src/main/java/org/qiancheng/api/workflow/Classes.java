package org.qiancheng.api.workflow;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.workflow.Drafts.ClassDraft;
import org.qiancheng.api.workflow.Drafts.SurveyDraft;

/**
 * Class filing (开班备案): a class is filed by an institution under a published project before it
 * starts, and only filed classes can claim. Every method either succeeds and writes everything, or
 * throws {@link WorkflowException} and writes nothing. Provided by the kernel.
 */
@ProviderType
public interface Classes {

    /**
     * Files a class under a published project by an institution that is not blacklisted, for an
     * occupation and level the catalogue in force on its start date offers [K1, K4].
     *
     * @param draft the class
     * @return the class as filed, dated today
     * @throws WorkflowException INVALID naming the field and the rule (e.g. {@code K1}, {@code K4})
     */
    TrainingClass fileClass(ClassDraft draft);

    /**
     * @param id the class's id
     * @return the class
     * @throws WorkflowException NOT_FOUND
     */
    TrainingClass trainingClass(long id);

    /**
     * Lists classes in id order.
     *
     * @param region a region code, or {@code null} for all
     * @param projectId a project's id, or {@code null} for all projects
     * @param offset index of the first item
     * @param limit page size, 1–500
     * @return one page
     */
    Page<TrainingClass> classes(String region, Long projectId, int offset, int limit);

    /**
     * The roster (花名册) of a class: its enrolments in enrolment order, each with its trainee, outcome and claim.
     *
     * @param classId the class's id
     * @return the lines
     * @throws WorkflowException NOT_FOUND (also for a class outside the caller's regions)
     * @since 0.7
     */
    List<RosterLine> roster(long classId);

    /**
     * Records the class's satisfaction survey (满意度调查), or replaces it while no claim of the class
     * has been computed (a computed claim was decided on the survey it saw).
     *
     * @param classId the class's id
     * @param draft the survey's result
     * @return the survey as recorded, by the current user, now
     * @throws WorkflowException NOT_FOUND; INVALID naming the field and the rule (counts, dates against
     *     the class and today); CONFLICT once the class has claims
     * @since 0.8
     */
    Survey recordSurvey(long classId, SurveyDraft draft);

    /**
     * @param classId the class's id
     * @return the class's survey, empty until one is recorded
     * @throws WorkflowException NOT_FOUND
     * @since 0.8
     */
    Optional<Survey> survey(long classId);
}
