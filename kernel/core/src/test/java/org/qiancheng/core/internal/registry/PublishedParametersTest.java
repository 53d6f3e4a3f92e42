package org.qiancheng.core.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.PublishedParameter;
import org.qiancheng.engine.ParameterFile;

class PublishedParametersTest {

    private static final LocalDate JAN_2025 = LocalDate.parse("2025-01-01");
    private static final LocalDate JUL_2025 = LocalDate.parse("2025-07-01");

    private static ParameterFile file(String name, String unit, String reference, Map<LocalDate, Object> values) {
        TreeMap<LocalDate, ParameterValue> dated = new TreeMap<>();
        values.forEach((from, value) -> dated.put(from, new ParameterValue(name + "@" + from, value)));
        return new ParameterFile(name, new LocalizedText("标准", "standard"), unit, Citation.parse(reference), true,
                dated);
    }

    @Test
    void theYuanAndRatioFilesArePublishedWithTheValueInForceOnTheDay() {
        ParameterFile standard = file("subsidy/standard", "yuan", "XA-2025 §二(一)", Map.of(
                JAN_2025, Map.of("4-10-01-05", Map.of("JUNIOR", new BigDecimal("1000"))),
                JUL_2025, Map.of("4-10-01-05", Map.of("JUNIOR", new BigDecimal("1200")))));
        ParameterFile shortage = file("catalog/shortage", "ratio", "XA-2025 §二(二)", Map.of(
                JAN_2025, Map.of("4-10-01-05", new BigDecimal("0.20"))));
        ParameterFile hours = file("class/min_hours", "hours", "XA-2025 §一", Map.of(JAN_2025, new BigDecimal("40")));

        List<PublishedParameter> published = PublishedParameters.of(List.of(List.of(standard, shortage, hours)),
                LocalDate.parse("2025-03-01"));

        assertEquals(List.of("catalog/shortage", "subsidy/standard"),
                published.stream().map(PublishedParameter::name).toList());
        PublishedParameter table = published.get(1);
        assertEquals(JAN_2025, table.effectiveFrom());
        assertEquals(Map.of("4-10-01-05", Map.of("JUNIOR", new BigDecimal("1000"))), table.value().plain());
        assertEquals("[XA-2025 §二(一)]", table.reference().toString());
        assertEquals("yuan", table.unit());
        assertEquals(JUL_2025, PublishedParameters.of(List.of(List.of(standard)), JUL_2025).get(0).effectiveFrom());
    }

    @Test
    void aFileWithNoValueInForceYetIsLeftOut() {
        ParameterFile later = file("subsidy/standard", "yuan", "XA-2025 §二(一)", Map.of(JUL_2025, new BigDecimal("1")));

        assertEquals(List.of(), PublishedParameters.of(List.of(List.of(later)), JAN_2025));
    }

    @Test
    void aCityFileReplacesItsParentsFileOfTheSameName() {
        ParameterFile province = file("subsidy/standard", "yuan", "SC-2025 §三(十一)", Map.of(JAN_2025, new BigDecimal("1")));
        ParameterFile city = file("subsidy/standard", "yuan", "CD-2025 §二", Map.of(JAN_2025, new BigDecimal("2")));

        List<PublishedParameter> published = PublishedParameters.of(List.of(List.of(province), List.of(city)), JUL_2025);

        assertEquals(1, published.size());
        assertEquals("[CD-2025 §二]", published.get(0).reference().toString());
    }
}
