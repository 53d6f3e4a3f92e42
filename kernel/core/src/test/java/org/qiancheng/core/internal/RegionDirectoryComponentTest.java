package org.qiancheng.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.policy.RegionSummary;

class RegionDirectoryComponentTest {

    private static PolicyDescriptor policy(String code, String zh, String en, String version) {
        return new PolicyDescriptor() {
            @Override
            public String regionCode() {
                return code;
            }

            @Override
            public LocalizedText regionName() {
                return new LocalizedText(zh, en);
            }

            @Override
            public String version() {
                return version;
            }
        };
    }

    @Test
    void noDescriptorsMeansNoRegions() {
        assertTrue(new RegionDirectoryComponent().regions().isEmpty());
    }

    @Test
    void groupsVersionsByRegionInNumericOrderAndRegionsByCode() {
        RegionDirectoryComponent directory = new RegionDirectoryComponent();
        directory.addDescriptor(policy("610100", "西安市", "Xi'an", "2025.1.0"));
        directory.addDescriptor(policy("510000", "四川省", "Sichuan", "2025.10.0"));
        directory.addDescriptor(policy("510000", "四川省", "Sichuan", "2021.1.0"));
        directory.addDescriptor(policy("510000", "四川省(新)", "Sichuan (new)", "2025.2.0"));

        List<RegionSummary> regions = directory.regions();

        assertEquals(List.of("510000", "610100"), regions.stream().map(RegionSummary::code).toList());
        assertEquals(List.of("2021.1.0", "2025.2.0", "2025.10.0"), regions.get(0).versions());
        assertEquals("Sichuan", regions.get(0).name().en(), "the newest version names the region");
    }

    @Test
    void aRemovedDescriptorDisappears() {
        RegionDirectoryComponent directory = new RegionDirectoryComponent();
        PolicyDescriptor xian = policy("610100", "西安市", "Xi'an", "2025.1.0");
        directory.addDescriptor(xian);
        directory.removeDescriptor(xian);
        assertTrue(directory.regions().isEmpty());
    }
}
