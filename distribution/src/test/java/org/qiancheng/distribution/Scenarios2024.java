package org.qiancheng.distribution;

import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.engine.Scenarios;

/** The example scenario moved to an offline class of 2024, read by the test kit's own reader. */
final class Scenarios2024 {

    private Scenarios2024() {
    }

    static ClaimInput claim(String example) {
        return Scenarios.parse(example.replace("2025-03-03", "2024-06-03").replace("2025-03-28", "2024-06-28")
                .replace("ONLINE_ONLY", "OFFLINE"), null).input();
    }
}
