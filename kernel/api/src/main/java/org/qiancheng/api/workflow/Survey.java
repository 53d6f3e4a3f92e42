package org.qiancheng.api.workflow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A class's satisfaction survey (满意度调查) as recorded: how many trainees answered and how many of
 * them were satisfied. Policies that pay on satisfaction read {@link #satisfaction()}.
 *
 * @param classId the class
 * @param respondents trainees who answered, at least 1
 * @param satisfied respondents who answered satisfied, at most {@code respondents}
 * @param satisfaction {@code satisfied ÷ respondents}, 4 decimals, half up
 * @param surveyedOn the day the survey closed
 * @param recordedBy the username of who recorded it
 * @param recordedAt when it was recorded
 * @since 0.8
 */
public record Survey(long classId, int respondents, int satisfied, BigDecimal satisfaction, LocalDate surveyedOn,
        String recordedBy, Instant recordedAt) {

    /** Requires at least one respondent, no more satisfied than respondents, and the satisfaction they give. */
    public Survey {
        Objects.requireNonNull(surveyedOn, "surveyedOn");
        if (respondents < 1 || satisfied < 0 || satisfied > respondents) {
            throw new IllegalArgumentException("a survey needs 1 or more respondents and 0 to " + respondents
                    + " satisfied, was " + satisfied + " of " + respondents);
        }
        if (!satisfaction.equals(satisfaction(respondents, satisfied))) {
            throw new IllegalArgumentException("satisfaction " + satisfaction + " is not " + satisfied + " of "
                    + respondents);
        }
    }

    /**
     * A survey with its satisfaction worked out.
     *
     * @param classId the class
     * @param respondents trainees who answered
     * @param satisfied respondents who answered satisfied
     * @param surveyedOn the day the survey closed
     * @param recordedBy who recorded it
     * @param recordedAt when
     */
    public Survey(long classId, int respondents, int satisfied, LocalDate surveyedOn, String recordedBy,
            Instant recordedAt) {
        this(classId, respondents, satisfied, satisfaction(respondents, satisfied), surveyedOn, recordedBy,
                recordedAt);
    }

    private static BigDecimal satisfaction(int respondents, int satisfied) {
        return respondents < 1 ? BigDecimal.ZERO
                : BigDecimal.valueOf(satisfied).divide(BigDecimal.valueOf(respondents), 4, RoundingMode.HALF_UP);
    }
}
