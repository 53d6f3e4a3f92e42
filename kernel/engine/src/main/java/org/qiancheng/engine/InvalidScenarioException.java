package org.qiancheng.engine;

import java.util.List;

/** A scenario (a preview request or a case input) that breaks input rules; lists them all. */
public final class InvalidScenarioException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /** @param violations the broken rules, at least one */
    public InvalidScenarioException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid scenario"));
        this.violations = List.copyOf(violations);
    }

    /** @return every broken rule */
    public List<Violation> violations() {
        return violations;
    }
}
