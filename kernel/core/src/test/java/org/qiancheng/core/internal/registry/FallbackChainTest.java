package org.qiancheng.core.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FallbackChainTest {

    @Test
    void aDistrictFallsBackToItsCityThenItsProvinceThenTheNationalPolicy() {
        assertEquals(List.of("990104", "990100", "990000", "100000"), FallbackChain.of("990104"));
    }

    @Test
    void aCityFallsBackToItsProvinceThenTheNationalPolicy() {
        assertEquals(List.of("990100", "990000", "100000"), FallbackChain.of("990100"));
    }

    @Test
    void aProvinceFallsBackToTheNationalPolicyOnly() {
        assertEquals(List.of("990000", "100000"), FallbackChain.of("990000"));
    }

    @Test
    void theNationalPolicyHasNothingToFallBackTo() {
        assertEquals(List.of("100000"), FallbackChain.of("100000"));
    }

    @Test
    void aCodeThatIsNoRegionCodeFallsBackToTheNationalPolicyOnly() {
        assertEquals(List.of("99", "100000"), FallbackChain.of("99"));
    }
}
