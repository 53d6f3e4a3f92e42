package org.qiancheng.api.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentStateTest {

    private static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void nothingPaidIsUnpaidPartIsAdvancedTheWholeIsPaid() {
        assertEquals(PaymentState.UNPAID, PaymentState.of(yuan("800.00"), yuan("0.00")));
        assertEquals(PaymentState.ADVANCED, PaymentState.of(yuan("800.00"), yuan("400.00")));
        assertEquals(PaymentState.PAID, PaymentState.of(yuan("800.00"), yuan("800.00")));
        assertEquals(PaymentState.UNPAID, PaymentState.of(yuan("0.00"), yuan("0.00")));
    }

    @Test
    void aClaimDerivesItsOutstandingFromTheAmountAndWhatIsPaid() {
        Claim claim = new Claim(1, 2, 3, 4, ClaimStatus.APPROVED, yuan("1260.50"), yuan("630.25"), null, List.of(),
                null, 0);

        assertEquals(PaymentState.ADVANCED, claim.paymentState());
        assertEquals(yuan("630.25"), claim.paid());
        assertEquals(yuan("630.25"), claim.outstanding());
        assertEquals(2, claim.withPaid(yuan("0")).paid().scale());
        assertEquals(yuan("1260.50"), claim.withPaid(yuan("0")).outstanding());
        assertEquals(PaymentState.PAID, claim.withPaid(yuan("1260.50")).paymentState());
    }

    @Test
    void aClaimWhosePaymentFiguresDisagreeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Claim(1, 2, 3, 4, ClaimStatus.APPROVED,
                yuan("800.00"), PaymentState.PAID, yuan("400.00"), yuan("400.00"), null, List.of(), null, 0));
    }
}
