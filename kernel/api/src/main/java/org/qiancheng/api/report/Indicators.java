package org.qiancheng.api.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.qiancheng.api.model.Money;

/**
 * Totals and rates over a set of classes, the common ground of every region's reports
 * (pass, certificate, employment, entrepreneurship and evaluation participation rates).
 * Rates are shares of the enrolment with four decimals, 0 when nobody enrolled.
 *
 * @param classes classes counted
 * @param enrolled trainees enrolled
 * @param evaluated trainees evaluated (参评)
 * @param passed trainees who passed
 * @param certified trainees certified
 * @param employed trainees employed
 * @param entrepreneurs trainees who started a business
 * @param highSkilled trainees certified SENIOR or above
 * @param subsidy yuan of approved claims
 * @since 1.1
 */
public record Indicators(long classes, long enrolled, long evaluated, long passed, long certified, long employed,
        long entrepreneurs, long highSkilled, BigDecimal subsidy) {

    /** @return the totals over the classes */
    public static Indicators of(List<ClassRecord> records) {
        long enrolled = 0;
        long evaluated = 0;
        long passed = 0;
        long certified = 0;
        long employed = 0;
        long entrepreneurs = 0;
        long highSkilled = 0;
        BigDecimal subsidy = Money.ZERO;
        for (ClassRecord r : records) {
            enrolled += r.results().enrolled();
            evaluated += r.results().evaluated();
            passed += r.results().passed();
            certified += r.results().certified();
            employed += r.results().employed();
            entrepreneurs += r.results().entrepreneurs();
            highSkilled += r.highSkilledCertified();
            subsidy = subsidy.add(r.subsidy());
        }
        return new Indicators(records.size(), enrolled, evaluated, passed, certified, employed, entrepreneurs,
                highSkilled, subsidy);
    }

    /** @return the totals of each month in which classes ended, oldest first */
    public static SortedMap<YearMonth, Indicators> byMonth(List<ClassRecord> records) {
        return records.stream().collect(Collectors.groupingBy(r -> YearMonth.from(r.facts().endDate()), TreeMap::new,
                Collectors.collectingAndThen(Collectors.toList(), Indicators::of)));
    }

    /** @return passed / enrolled */
    public BigDecimal passRate() {
        return rate(passed);
    }

    /** @return certified / enrolled */
    public BigDecimal certificateRate() {
        return rate(certified);
    }

    /** @return employed / enrolled */
    public BigDecimal employmentRate() {
        return rate(employed);
    }

    /** @return entrepreneurs / enrolled */
    public BigDecimal entrepreneurshipRate() {
        return rate(entrepreneurs);
    }

    /** @return evaluated / enrolled (参评率) */
    public BigDecimal participationRate() {
        return rate(evaluated);
    }

    /**
     * @param count a count
     * @param target a target
     * @return count / target with four decimals, 0 for a target of 0
     */
    public static BigDecimal progress(long count, long target) {
        return target == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(target), 4, RoundingMode.HALF_UP);
    }

    private BigDecimal rate(long count) {
        return progress(count, enrolled);
    }
}
