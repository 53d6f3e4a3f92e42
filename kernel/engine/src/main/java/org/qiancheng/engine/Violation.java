package org.qiancheng.engine;

/**
 * One broken input rule: the field (a JSON path such as {@code class.hours}), the rule (such as
 * {@code minimum:0} or {@code gb11643:check-digit}) and a sentence saying what is wrong.
 *
 * @param field the JSON path of the field
 * @param rule the rule
 * @param message what is wrong
 */
public record Violation(String field, String rule, String message) {
}
