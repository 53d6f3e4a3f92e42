package org.qiancheng.api.workflow;

import java.time.LocalDate;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.claim.TraineeOutcome;

/**
 * A trainee enrolled in a class, after the kernel's checks and the region policy's eligibility.
 *
 * @param id the kernel's id
 * @param classId the class
 * @param traineeId the trainee
 * @param enrolledOn when
 * @param checkedBy the policy version that found the trainee eligible
 * @param attendedDays distinct days the trainee checked in (考勤)
 * @param outcome what became of the trainee, or {@code null} until recorded
 * @param employmentRecordedOn the day employment evidence that arrived after the claim was recorded,
 *     which makes a top-up due; {@code null} when there was none (since 0.8)
 * @param version optimistic-lock version
 */
public record Enrolment(long id, long classId, long traineeId, LocalDate enrolledOn, PolicyIdentity checkedBy,
        int attendedDays, TraineeOutcome outcome, LocalDate employmentRecordedOn, long version) {

    /**
     * An enrolment without later employment evidence, as 0.7 built it.
     *
     * @param id the kernel's id
     * @param classId the class
     * @param traineeId the trainee
     * @param enrolledOn when
     * @param checkedBy the policy version that found the trainee eligible
     * @param attendedDays distinct days the trainee checked in
     * @param outcome what became of the trainee, or {@code null}
     * @param version optimistic-lock version
     */
    public Enrolment(long id, long classId, long traineeId, LocalDate enrolledOn, PolicyIdentity checkedBy,
            int attendedDays, TraineeOutcome outcome, long version) {
        this(id, classId, traineeId, enrolledOn, checkedBy, attendedDays, outcome, null, version);
    }
}
