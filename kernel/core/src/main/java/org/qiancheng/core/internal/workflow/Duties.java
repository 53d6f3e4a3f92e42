package org.qiancheng.core.internal.workflow;

import org.qiancheng.api.security.AccessException;
import org.qiancheng.api.security.AccessException.Kind;
import org.qiancheng.persistence.ClaimTx;

/**
 * Separation of duties on a claim (不相容岗位分离): nobody approves or rejects a claim they computed or
 * whose class they filed, and nobody pays the balance of a claim they approved. Holding both roles
 * does not help: the check is on the person, not on the role.
 */
final class Duties {

    private static final String RULE = "separation-of-duties";

    private Duties() {
    }

    /** @throws AccessException FORBIDDEN when the reviewer filed the class or computed the claim */
    static void notReviewedByItsMakers(ClaimTx.Duties duties, String reviewer) {
        if (reviewer.equals(duties.computedBy())) {
            throw refused("a claim is not reviewed by the user who computed it", "补贴申请不得由计算该申请的用户审核");
        }
        if (reviewer.equals(duties.filedBy())) {
            throw refused("a claim is not reviewed by the user who filed its class", "补贴申请不得由备案该班级的用户审核");
        }
    }

    /** @throws AccessException FORBIDDEN when the payer approved the claim */
    static void notPaidByItsApprover(ClaimTx.Duties duties, String payer) {
        if (payer.equals(duties.reviewedBy())) {
            throw refused("the balance of a claim is not paid by the user who approved it",
                    "补贴申请的尾款不得由审核通过该申请的用户拨付");
        }
    }

    private static AccessException refused(String message, String messageZh) {
        return new AccessException(Kind.FORBIDDEN, null, RULE, message, messageZh);
    }
}
