package org.qiancheng.api.workflow;

/**
 * One broken rule in one row of an imported file.
 *
 * @param line the line of the file (the header is line 1)
 * @param field the column, by its English name
 * @param rule the rule broken
 * @param message what is wrong
 */
public record RowError(int line, String field, String rule, String message) {
}
