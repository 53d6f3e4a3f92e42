package org.qiancheng.shell.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.workflow.Comparison;
import org.qiancheng.api.workflow.Comparisons;
import org.qiancheng.api.workflow.WorkflowException;

/** {@code qc:compare <region> <candidate> <from> <to>}: what a candidate version would change, as the REST API answers it. */
@Component(service = CompareCommand.class, property = {
    "osgi.command.scope=qc",
    "osgi.command.function=compare"})
public final class CompareCommand {

    private static final int TOP = 5;

    private final Comparisons comparisons;

    @Activate
    public CompareCommand(@Reference Comparisons comparisons) {
        this.comparisons = comparisons;
    }

    /** Decides the stored claims of a period again with a candidate version. 用候选版本重算期间内已保存的申请。 */
    public String compare(String region, String candidate, String from, String to) {
        try {
            Comparison c = comparisons.compare(region, candidate, LocalDate.parse(from), LocalDate.parse(to), TOP);
            String head = String.format("%s %s over classes starting %s..%s: %d claims 笔, %d change 变化;"
                    + " stored 现额 %s → candidate 候选 %s, delta 差额 %s yuan", c.regionCode(), c.candidate().version(),
                    c.from(), c.to(), c.claims(), c.changed(), c.storedTotal(), c.candidateTotal(), c.delta());
            String occupations = c.byOccupation().stream().map(o -> String.format("  %-12s %7d claims, %7d change,"
                    + " delta %s", o.occupationCode(), o.claims(), o.changed(), o.delta()))
                    .collect(Collectors.joining(System.lineSeparator()));
            String largest = c.largest().stream().map(d -> String.format("  claim %d (class %d): %s → %s (%s)",
                    d.claimId(), d.classId(), d.stored(), d.candidate(), d.delta()))
                    .collect(Collectors.joining(System.lineSeparator()));
            return String.join(System.lineSeparator(), head, "by occupation 分职业:", occupations,
                    "largest differences 差额最大:", largest.isEmpty() ? "  none 无" : largest);
        } catch (DateTimeParseException e) {
            return "dates as YYYY-MM-DD 日期格式为 YYYY-MM-DD: " + e.getParsedString();
        } catch (WorkflowException e) {
            return "not compared 未比较: " + e.getMessage();
        }
    }
}
