package org.qiancheng.api.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.ResidentId;

/**
 * One line of a class roster (花名册): an enrolment with its trainee and where it stands.
 *
 * @param enrolmentId the enrolment
 * @param traineeId the trainee
 * @param name the trainee's name
 * @param residentId the trainee's ID (an answer built from it must mask it)
 * @param householdRegion the trainee's household region (户籍地)
 * @param enrolledOn when the trainee enrolled
 * @param attendedDays days checked in
 * @param outcome the recorded outcome, or {@code null}
 * @param claimId the trainee's claim for the class, or {@code null}
 * @param claimStatus its status, or {@code null}
 * @param claimAmount its amount with its top-up's added (since 0.8), or {@code null}
 * @since 0.7
 */
public record RosterLine(long enrolmentId, long traineeId, String name, ResidentId residentId, String householdRegion,
        LocalDate enrolledOn, int attendedDays, TraineeOutcome outcome, Long claimId, ClaimStatus claimStatus,
        BigDecimal claimAmount) {
}
