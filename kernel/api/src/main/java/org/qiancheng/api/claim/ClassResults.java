package org.qiancheng.api.claim;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Results of a whole class, for policies that pay on class-level rates such as the pass,
 * certificate and employment rates.
 *
 * @param enrolled trainees enrolled
 * @param evaluated trainees who took the evaluation (参评)
 * @param passed trainees who passed (合格)
 * @param certified trainees who obtained a certificate (取证)
 * @param employed trainees employed after training
 * @param entrepreneurs trainees who started a business
 * @param satisfaction trainees' satisfaction, 0 to 1: the survey's result, or 1 when no survey was recorded
 * @param surveyed whether a satisfaction survey was recorded; when not, {@code satisfaction} is an
 *     assumption that a policy paying on satisfaction should flag for a reviewer (since 1.3)
 */
public record ClassResults(int enrolled, int evaluated, int passed, int certified, int employed, int entrepreneurs,
        BigDecimal satisfaction, boolean surveyed) {

    private static final MathContext RATE = new MathContext(10, RoundingMode.HALF_UP);

    /** Requires counts that fit inside the enrolment and a satisfaction between 0 and 1. */
    public ClassResults {
        Objects.requireNonNull(satisfaction, "satisfaction");
        if (enrolled < 0 || evaluated < 0 || passed < 0 || certified < 0 || employed < 0 || entrepreneurs < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (evaluated > enrolled || passed > enrolled || certified > enrolled || employed + entrepreneurs > enrolled) {
            throw new IllegalArgumentException("counts must not exceed the enrolment " + enrolled);
        }
        if (satisfaction.signum() < 0 || satisfaction.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("satisfaction must be between 0 and 1");
        }
    }

    /**
     * Results with a surveyed satisfaction.
     *
     * @param enrolled trainees enrolled
     * @param evaluated trainees who took the evaluation
     * @param passed trainees who passed
     * @param certified trainees who obtained a certificate
     * @param employed trainees employed after training
     * @param entrepreneurs trainees who started a business
     * @param satisfaction the survey's result, 0 to 1
     */
    public ClassResults(int enrolled, int evaluated, int passed, int certified, int employed, int entrepreneurs,
            BigDecimal satisfaction) {
        this(enrolled, evaluated, passed, certified, employed, entrepreneurs, satisfaction, true);
    }

    /** @return a count as a share of the enrolment, 0 when nobody enrolled */
    public BigDecimal rate(int count) {
        return enrolled == 0 ? BigDecimal.ZERO : new BigDecimal(count).divide(new BigDecimal(enrolled), RATE);
    }
}
