package org.qiancheng.api.workflow;

import java.math.BigDecimal;
import java.util.List;
import org.qiancheng.api.claim.Decision;

/**
 * A stored subsidy claim: the reproducible decision of the policy in force and its standing.
 *
 * @param id the kernel's id
 * @param classId the class
 * @param enrolmentId the enrolment
 * @param traineeId the trainee
 * @param status where it stands
 * @param amount yuan decided (0.00 when refused)
 * @param decision the full decision: policy identity, inputs, cited lines, parameters read
 * @param findings the kernel's own findings that flag it for review (e.g. low attendance)
 * @param reviewNote the reviewer's reason, or {@code null}
 * @param version optimistic-lock version
 */
public record Claim(long id, long classId, long enrolmentId, long traineeId, ClaimStatus status, BigDecimal amount,
        Decision decision, List<String> findings, String reviewNote, long version) {

    /** Copies the findings. */
    public Claim {
        findings = List.copyOf(findings);
    }
}
