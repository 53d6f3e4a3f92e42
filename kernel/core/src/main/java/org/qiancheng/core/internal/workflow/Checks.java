package org.qiancheng.core.internal.workflow;

import java.time.LocalDate;
import org.qiancheng.api.model.InvalidResidentIdException;
import org.qiancheng.api.model.RegionCodes;
import org.qiancheng.api.model.ResidentId;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.api.workflow.WorkflowException.Kind;

/** Input checks that fail with the field and the rule. */
final class Checks {

    static final int MAX_PAGE = 500;

    private Checks() {
    }

    static WorkflowException invalid(String field, String rule, String message) {
        return new WorkflowException(Kind.INVALID, field, rule, message);
    }

    static WorkflowException notFound(String what, long id) {
        return new WorkflowException(WorkflowException.Kind.NOT_FOUND, "id", "exists", "no " + what + " " + id);
    }

    static <T> T required(String field, T value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw invalid(field, "required", "is required");
        }
        return value;
    }

    static String text(String field, String value, int maxLength) {
        String text = required(field, value).trim();
        if (text.length() > maxLength) {
            throw invalid(field, "max-length:" + maxLength, "must be at most " + maxLength + " characters");
        }
        return text;
    }

    /** A resident ID as GB 11643 writes it; an invalid one breaks K2, with the check that failed as the rule. */
    static ResidentId residentId(String field, String number, LocalDate today) {
        try {
            return ResidentId.parse(required(field, number), today);
        } catch (InvalidResidentIdException e) {
            throw invalid(field, "gb11643:" + e.rule(), KernelRule.K2.breach(e.getMessage()));
        }
    }

    static String optionalText(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? null : text(field, value, maxLength);
    }

    static String region(String field, String value) {
        if (!RegionCodes.isValid(required(field, value))) {
            throw invalid(field, "gb2260", "must be a GB/T 2260 region code of six digits, was '" + value + "'");
        }
        return value;
    }

    static int atLeast(String field, Integer value, int minimum) {
        if (required(field, value) < minimum) {
            throw invalid(field, "minimum:" + minimum, "must be at least " + minimum + ", was " + value);
        }
        return value;
    }

    static java.math.BigDecimal share(String field, java.math.BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(java.math.BigDecimal.ONE) > 0) {
            throw invalid(field, "range:0-1", "must be from 0 to 1, was " + value.toPlainString());
        }
        return value;
    }

    static void page(int offset, int limit) {
        if (offset < 0) {
            throw invalid("offset", "minimum:0", "must be at least 0");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw invalid("limit", "range:1-" + MAX_PAGE, "must be from 1 to " + MAX_PAGE);
        }
    }

    /** The region-code prefix of the records a region takes in: 510000 → 51, 510100 → 5101, 100000 → all ({@code null}). */
    static String regionPrefix(String regionCode) {
        return RegionCodes.NATIONAL.equals(regionCode) ? null : regionCode.replaceAll("(00)+$", "");
    }

}
