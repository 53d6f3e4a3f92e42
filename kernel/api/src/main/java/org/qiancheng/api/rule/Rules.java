package org.qiancheng.api.rule;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.model.Citation;

/**
 * The rules of one policy version, read and validated by the kernel from the {@code rules.json}
 * of its bundle, and handed to the policy with its parameters ({@code parameters.rules()}). A
 * formula computes the amount; the rule writes the cited line:
 *
 * <pre>
 * lines.add(rules.line("SC2.base", base, Map.of("baseShare", ONE.subtract(share), "standard", s)));
 * return SubsidyDecision.refused(rules.reason("XA7.failed"));
 * </pre>
 *
 * Every method throws {@link IllegalArgumentException} for an id the file does not define, or for
 * arguments that do not match the label's placeholders, naming the rule and what is wrong.
 * A bundle without a rules file has no rules: {@link #all()} is empty.
 *
 * @since 1.0
 */
@ProviderType
public interface Rules {

    /** @return every rule, in file order */
    List<Rule> all();

    /**
     * @param id a rule id of the file, e.g. {@code SC2.base}
     * @return the rule
     */
    Rule rule(String id);

    /**
     * The clause a rule cites: its {@code citation}, or for a rule that cites a parameter file,
     * the {@code reference} of that file as the policy sees it (a city's replacement file included).
     *
     * @param id a rule id
     * @return the citation
     */
    Citation citation(String id);

    /**
     * A cited line item with a label that has no placeholders.
     *
     * @param id a rule id
     * @param amount yuan, rounded HALF_UP to the fen by the line
     * @return the line
     */
    default LineItem line(String id, BigDecimal amount) {
        return line(id, amount, Map.of());
    }

    /**
     * A cited line item whose label's placeholders are filled from the arguments.
     *
     * @param id a rule id
     * @param amount yuan, rounded HALF_UP to the fen by the line
     * @param args placeholder name → value (see {@link Rule#label(Map)})
     * @return the line
     */
    LineItem line(String id, BigDecimal amount, Map<String, ?> args);

    /**
     * A cited statement (eligibility reason, note or flag) with a label that has no placeholders.
     *
     * @param id a rule id
     * @return the reason
     */
    default Reason reason(String id) {
        return reason(id, Map.of());
    }

    /**
     * A cited statement whose label's placeholders are filled from the arguments.
     *
     * @param id a rule id
     * @param args placeholder name → value (see {@link Rule#label(Map)})
     * @return the reason
     */
    Reason reason(String id, Map<String, ?> args);

    /**
     * A statement about an entry of a parameter that names its own clause, such as a goal of
     * {@code targets/goals} or a programme of {@code catalog/programmes}: the rule's label, cited
     * to that clause.
     *
     * @param id a rule id
     * @param args placeholder name → value (see {@link Rule#label(Map)})
     * @param citation the entry's own clause
     * @return the reason
     */
    Reason reason(String id, Map<String, ?> args, Citation citation);

    /**
     * The clause a report cites, from the file's {@code reports} section.
     *
     * @param reportId a report id, e.g. {@code monthly-dispatch}
     * @return its citation, or empty when the file names none
     */
    Optional<Citation> reportCitation(String reportId);
}
