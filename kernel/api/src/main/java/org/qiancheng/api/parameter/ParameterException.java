package org.qiancheng.api.parameter;

import java.util.List;

/**
 * A parameter that is missing, malformed, has no value in force on a day, or breaks a bound the
 * policy declares. {@link #problems()} lists every problem found, each naming the parameter.
 */
public final class ParameterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** @param problems what is wrong, one sentence each; at least one */
    public ParameterException(List<String> problems) {
        super(String.join("; ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a parameter exception needs a problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** @param problem what is wrong */
    public ParameterException(String problem) {
        this(List.of(problem));
    }

    /** @return every problem found */
    public List<String> problems() {
        return problems;
    }
}
