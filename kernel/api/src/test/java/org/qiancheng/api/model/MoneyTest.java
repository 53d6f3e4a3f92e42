package org.qiancheng.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.005,   1.01",
        "1.004,   1.00",
        "-1.005,  -1.01",
        "-1.004,  -1.00",
        "0.125,   0.13",
        "1260.5,  1260.50",
        "7,       7.00"
    })
    void yuanRoundsHalfUpToTheFen(String amount, String expected) {
        BigDecimal rounded = Money.yuan(new BigDecimal(amount));
        assertEquals(new BigDecimal(expected), rounded);
        assertEquals(2, rounded.scale());
    }

    @Test
    void yuanReadsADecimalTextWithExactlyTwoDecimals() {
        BigDecimal amount = Money.yuan("1200");
        assertEquals(new BigDecimal("1200.00"), amount);
        assertEquals(2, amount.scale());
        assertEquals("1200.00", amount.toPlainString());
    }

    @Test
    void yuanOfATextRoundsAsWell() {
        assertEquals(new BigDecimal("1260.51"), Money.yuan("1260.505"));
    }

    @Test
    void zeroHasTwoDecimals() {
        assertEquals("0.00", Money.ZERO.toPlainString());
    }
}
