package org.qiancheng.api.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.qiancheng.api.model.ResidentId;

/**
 * One line of a payment list (拨付清单): a payment with what identifies it to the finance office.
 *
 * @param paidOn when
 * @param disbursementId the payment
 * @param claimId the claim paid
 * @param classId the claim's class
 * @param institution the name of the class's training institution
 * @param traineeName the trainee's name
 * @param residentId the trainee's ID (an answer built from it must mask it)
 * @param kind advance or balance
 * @param amount yuan paid
 * @param policyVersion the version of the policy that decided the claim
 * @param paidBy the username of who paid it; {@code null} for payments older than that record
 * @since 0.7
 */
public record PaidInstalment(LocalDate paidOn, long disbursementId, long claimId, long classId, String institution,
        String traineeName, ResidentId residentId, InstalmentKind kind, BigDecimal amount, String policyVersion,
        String paidBy) {
}
