package org.qiancheng.rest.internal;

import java.util.List;
import org.qiancheng.engine.Violation;

/**
 * An RFC 9457 problem document. {@code title} and {@code detail} are English, {@code titleZh} and
 * {@code detailZh} Chinese; each violation names the field and the rule it broke so a client can
 * point at the wrong input.
 */
public record Problem(String type, String title, String titleZh, int status, String detail, String detailZh,
        String instance, List<Violation> violations) {

    public Problem {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }
}
