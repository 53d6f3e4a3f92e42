package org.qiancheng.api.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.rule.Rules;
import org.qiancheng.api.spi.EvaluationReport;

/**
 * The three reports every region offers, computed from the kernel's data set and the region's
 * parameters, each cited to the clause of the region's own notice that asks for it:
 * {@code indicators} (pass, certificate, employment, entrepreneurship and participation rates, and the
 * satisfaction of the surveyed classes weighted by their enrolment),
 * {@code target-progress} (goals from {@code targets/goals}) and {@code monthly-dispatch} (月调度).
 *
 * <p>{@code targets/goals}: {@code [{"code", "zh", "en", "measure", "target", "citation"}]} where
 * measure is {@code enrolled}, {@code high_skilled}, {@code certified}, {@code employed} or
 * {@code apprentices}. When the region declares {@code evaluation/participation_min}, the
 * indicators report notes a participation rate below it.
 *
 * @since 1.1
 */
public final class StandardReports implements EvaluationReport {

    public static final String GOALS = "targets/goals";
    public static final String PARTICIPATION_MIN = "evaluation/participation_min";

    private static final Map<String, LocalizedText> TITLES = Map.of(
            "indicators", new LocalizedText("培训质效指标", "Training quality indicators"),
            "target-progress", new LocalizedText("目标任务进度", "Progress against targets"),
            "monthly-dispatch", new LocalizedText("月调度", "Monthly dispatch"));
    private static final List<String> IDS = List.of("indicators", "target-progress", "monthly-dispatch");

    /** The clauses given to the constructor by report id; empty when they come from the rules file. */
    private final Map<String, Citation> clauses;

    /**
     * @param indicators the clause that asks for quality indicators, e.g. {@code "CN-2025 §四(十三)"}
     * @param targets the clause that sets the targets, e.g. {@code "CN-2025 §一"}
     * @param dispatch the clause that asks for progress reports, e.g. {@code "CN-2025 §四(十三)"}
     */
    public StandardReports(String indicators, String targets, String dispatch) {
        this.clauses = Map.of("indicators", Citation.parse(indicators), "target-progress", Citation.parse(targets),
                "monthly-dispatch", Citation.parse(dispatch));
    }

    /**
     * The three reports citing the clauses of the policy's rules file, section {@code reports}:
     * {@code indicators}, {@code target-progress} and {@code monthly-dispatch}.
     *
     * @since 1.2
     */
    public StandardReports() {
        this.clauses = Map.of();
    }

    /**
     * @throws IllegalStateException when the clauses come from the rules file: use {@link #definitions(Rules)}
     */
    @Override
    public List<ReportDefinition> definitions() {
        if (clauses.isEmpty()) {
            throw new IllegalStateException("these reports cite the policy's rules file: call definitions(Rules)");
        }
        return IDS.stream().map(id -> new ReportDefinition(id, TITLES.get(id), clauses.get(id))).toList();
    }

    /** @since 1.2 */
    @Override
    public List<ReportDefinition> definitions(Rules rules) {
        return clauses.isEmpty() ? IDS.stream().map(id -> definition(id, rules)).toList() : definitions();
    }

    private static ReportDefinition definition(String id, Rules rules) {
        return new ReportDefinition(id, TITLES.get(id), rules.reportCitation(id).orElseThrow(
                () -> new IllegalArgumentException("the rules file names no clause for report '" + id + "'")));
    }

    @Override
    public Report produce(String reportId, ReportData data, Parameters parameters) {
        if (!IDS.contains(reportId)) {
            throw new IllegalArgumentException("no report '" + reportId + "'");
        }
        ReportDefinition definition = clauses.isEmpty() ? definition(reportId, parameters.rules())
                : new ReportDefinition(reportId, TITLES.get(reportId), clauses.get(reportId));
        return switch (reportId) {
            case "indicators" -> indicators(definition, data, parameters);
            case "target-progress" -> targets(definition, data, parameters);
            case "monthly-dispatch" -> dispatch(definition, data, parameters);
            default -> throw new IllegalArgumentException("no report '" + reportId + "'");
        };
    }

    private static Report indicators(ReportDefinition indicators, ReportData data, Parameters parameters) {
        Indicators total = Indicators.of(data.classes());
        List<Reason> notes = new ArrayList<>();
        if (parameters.declares(PARTICIPATION_MIN)) {
            BigDecimal minimum = parameters.value(PARTICIPATION_MIN, data.to()).decimal();
            if (total.enrolled() > 0 && total.participationRate().compareTo(minimum) < 0) {
                notes.add(new Reason("participation", new LocalizedText("参评率低于" + minimum.toPlainString(),
                        "Evaluation participation below " + minimum.toPlainString()),
                        parameters.reference(PARTICIPATION_MIN)));
            }
        }
        List<ReportColumn> columns = columns("classes", "开班数", "Classes", "enrolled", "培训人数", "Trainees",
                "evaluated", "参评人数", "Evaluated", "passed", "合格人数", "Passed", "certified", "取证人数", "Certified",
                "employed", "就业人数", "Employed", "entrepreneurs", "创业人数", "Entrepreneurs",
                "passRate", "合格率", "Pass rate", "certificateRate", "取证率", "Certificate rate",
                "employmentRate", "就业率", "Employment rate", "entrepreneurshipRate", "创业率", "Entrepreneurship rate",
                "participationRate", "参评率", "Participation rate", "surveyedClasses", "满意度调查班数",
                "Classes surveyed", "satisfaction", "满意度", "Satisfaction", "subsidy", "补贴金额(元)", "Subsidy (yuan)");
        List<ClassRecord> surveyed = data.classes().stream().filter(r -> r.results().surveyed()).toList();
        List<Object> row = List.of(total.classes(), total.enrolled(), total.evaluated(), total.passed(),
                total.certified(), total.employed(), total.entrepreneurs(), total.passRate(), total.certificateRate(),
                total.employmentRate(), total.entrepreneurshipRate(), total.participationRate(), (long) surveyed.size(),
                satisfaction(surveyed), total.subsidy());
        return new Report(indicators, data.regionCode(), data.from(), data.to(), columns, List.of(row), notes);
    }

    /**
     * The satisfaction of the surveyed classes, each weighted by its enrolment, four decimals; 0 when
     * none was surveyed (a class without a survey is not counted as satisfied in a report).
     */
    private static BigDecimal satisfaction(List<ClassRecord> surveyed) {
        long enrolled = surveyed.stream().mapToLong(r -> r.results().enrolled()).sum();
        if (enrolled == 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        BigDecimal weighted = surveyed.stream()
                .map(r -> r.results().satisfaction().multiply(BigDecimal.valueOf(r.results().enrolled())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return weighted.divide(BigDecimal.valueOf(enrolled), 4, java.math.RoundingMode.HALF_UP);
    }

    private static Report targets(ReportDefinition targets, ReportData data, Parameters parameters) {
        List<List<Object>> rows = new ArrayList<>();
        List<Reason> notes = new ArrayList<>();
        for (ParameterValue goal : goals(parameters, data.to())) {
            long achieved = measure(goal.get("measure").text(), data);
            long target = goal.get("target").decimal().longValueExact();
            rows.add(List.of(goal.get("code").text(), goal.get("zh").text(), goal.get("en").text(), target, achieved,
                    Indicators.progress(achieved, target)));
            notes.add(new Reason(goal.get("code").text(), new LocalizedText(goal.get("zh").text(), goal.get("en").text()),
                    Citation.parse(goal.get("citation").text())));
        }
        List<ReportColumn> columns = columns("goal", "目标", "Goal", "nameZh", "名称", "Name (zh)", "nameEn", "名称(英)",
                "Name (en)", "target", "目标值", "Target", "achieved", "完成数", "Achieved", "progress", "完成进度",
                "Progress");
        return new Report(targets, data.regionCode(), data.from(), data.to(), columns, rows, notes);
    }

    private static Report dispatch(ReportDefinition dispatch, ReportData data, Parameters parameters) {
        List<ParameterValue> goals = goals(parameters, data.to());
        long target = goals.stream().filter(g -> "enrolled".equals(g.get("measure").text())).findFirst()
                .map(g -> g.get("target").decimal().longValueExact()).orElse(0L);
        List<List<Object>> rows = new ArrayList<>();
        long cumulative = 0;
        for (Map.Entry<YearMonth, Indicators> month : Indicators.byMonth(data.classes()).entrySet()) {
            Indicators m = month.getValue();
            cumulative += m.enrolled();
            rows.add(List.of(month.getKey().toString(), m.classes(), m.enrolled(), m.certified(), m.highSkilled(),
                    m.subsidy(), cumulative, Indicators.progress(cumulative, target)));
        }
        List<ReportColumn> columns = columns("month", "月份", "Month", "classes", "结业班数", "Classes ended",
                "enrolled", "培训人数", "Trainees", "certified", "取证人数", "Certified", "highSkilled", "高技能人才",
                "High-skilled", "subsidy", "补贴金额(元)", "Subsidy (yuan)", "cumulative", "累计培训人数",
                "Cumulative trainees", "progress", "年度目标进度", "Progress against the training target");
        return new Report(dispatch, data.regionCode(), data.from(), data.to(), columns, rows, List.of());
    }

    private static List<ParameterValue> goals(Parameters parameters, LocalDate on) {
        return parameters.declares(GOALS) ? parameters.value(GOALS, on).list() : List.of();
    }

    private static long measure(String measure, ReportData data) {
        Indicators total = Indicators.of(data.classes());
        return switch (measure) {
            case "enrolled" -> total.enrolled();
            case "high_skilled" -> total.highSkilled();
            case "certified" -> total.certified();
            case "employed" -> total.employed();
            case "apprentices" -> data.classes().stream().filter(c -> c.facts().kind() == TrainingKind.APPRENTICESHIP)
                    .mapToLong(c -> c.results().enrolled()).sum();
            default -> throw new IllegalArgumentException("unknown measure '" + measure + "' in " + GOALS);
        };
    }

    private static List<ReportColumn> columns(String... keyZhEn) {
        List<ReportColumn> columns = new ArrayList<>();
        for (int i = 0; i < keyZhEn.length; i += 3) {
            columns.add(new ReportColumn(keyZhEn[i], new LocalizedText(keyZhEn[i + 1], keyZhEn[i + 2])));
        }
        return columns;
    }
}
