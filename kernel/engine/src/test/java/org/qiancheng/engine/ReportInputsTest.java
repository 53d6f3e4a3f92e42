package org.qiancheng.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inline classes of {@code POST /api/v1/reports/{code}/{report}}: refused by rule, never a failure. */
class ReportInputsTest {

    private static final LocalDate FROM = LocalDate.parse("2025-01-01");
    private static final LocalDate TO = LocalDate.parse("2025-12-31");

    private static String classes(String highSkilled) {
        return """
                {"classes": [{"id": "c1",
                  "class": {"occupation": "4-10-01-05", "level": "JUNIOR", "mode": "OFFLINE",
                            "startDate": "2025-03-01", "endDate": "2025-03-28", "hours": 80},
                  "results": {"enrolled": 20, "evaluated": 19, "passed": 18, "certified": 16, "employed": 12,
                              "entrepreneurs": 1, "satisfaction": 0.92},
                  "highSkilledCertified": %s}]}""".formatted(highSkilled);
    }

    @Test
    void aWellFormedClassIsRead() {
        assertEquals(3, ReportInputs.parse(classes("3"), "510000", FROM, TO).classes().get(0).highSkilledCertified());
    }

    /** Found by MalformedRequestsE2EIT (seed 2): a boolean here was a NullPointerException, answered 500. */
    @Test
    void aCountOfTheWrongTypeIsAViolationNotAFailure() {
        for (String wrong : List.of("true", "\"3\"", "1.5", "-1")) {
            InvalidScenarioException refused = assertThrows(InvalidScenarioException.class,
                    () -> ReportInputs.parse(classes(wrong), "510000", FROM, TO), wrong);
            assertEquals("classes[0].highSkilledCertified", refused.violations().get(0).field(), wrong);
        }
    }
}
