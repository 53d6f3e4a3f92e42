package org.qiancheng.api.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.LocalizedText;

class LineItemTest {

    private static final LocalizedText LABEL = new LocalizedText("补贴标准", "Subsidy standard");
    private static final Citation CLAUSE = new Citation("XA-2025", "§二(三)");

    private static LineItem line(String amount) {
        return new LineItem("XA3", LABEL, new BigDecimal(amount), CLAUSE);
    }

    @Test
    void theAmountIsRoundedHalfUpToTheFen() {
        assertEquals(new BigDecimal("1000.01"), line("1000.005").amount());
        assertEquals(new BigDecimal("1000.00"), line("1000.004").amount());
        assertEquals(new BigDecimal("-300.01"), line("-300.005").amount());
    }

    @Test
    void aWholeAmountGetsTwoDecimals() {
        assertEquals("1200.00", line("1200").amount().toPlainString());
    }

    @Test
    void everyPartIsRequired() {
        BigDecimal amount = BigDecimal.TEN;
        assertThrows(NullPointerException.class, () -> new LineItem(null, LABEL, amount, CLAUSE));
        assertThrows(NullPointerException.class, () -> new LineItem("XA3", null, amount, CLAUSE));
        assertThrows(NullPointerException.class, () -> new LineItem("XA3", LABEL, null, CLAUSE));
        assertThrows(NullPointerException.class, () -> new LineItem("XA3", LABEL, amount, null));
    }

    @Test
    void toStringNamesRuleLabelAmountAndCitation() {
        assertEquals("XA3 Subsidy standard 1200.00 [XA-2025 §二(三)]", line("1200").toString());
    }
}
