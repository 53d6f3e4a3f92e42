package org.qiancheng.api.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment of (part of) a claim.
 *
 * @param id the kernel's id
 * @param claimId the claim paid
 * @param kind advance or balance
 * @param amount yuan paid
 * @param paidOn when
 */
public record Disbursement(long id, long claimId, InstalmentKind kind, BigDecimal amount, LocalDate paidOn) {
}
