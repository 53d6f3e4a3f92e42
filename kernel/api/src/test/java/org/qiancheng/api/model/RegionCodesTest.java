package org.qiancheng.api.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegionCodesTest {

    @Test
    void aDistrictLiesInItsCityItsProvinceAndTheNation() {
        assertTrue(RegionCodes.covers("510100", "510104"));
        assertTrue(RegionCodes.covers("510000", "510104"));
        assertTrue(RegionCodes.covers("510104", "510104"));
        assertTrue(RegionCodes.covers("100000", "320102"));
        assertFalse(RegionCodes.covers("510100", "510704"), "Mianyang is not in Chengdu");
        assertFalse(RegionCodes.covers("510000", "320102"));
    }

    @Test
    void aProvinceCoversItsCitiesAndDistrictsAndACityItsDistricts() {
        assertTrue(RegionCodes.covers("100000", "610100"));
        assertTrue(RegionCodes.covers("510000", "510104"));
        assertTrue(RegionCodes.covers("510100", "510104"));
        assertFalse(RegionCodes.covers("510100", "510300"));
        assertFalse(RegionCodes.covers("510104", "510105"));
        assertFalse(RegionCodes.covers("510000", "100000"));
    }
}
