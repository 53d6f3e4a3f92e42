package org.qiancheng.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.qiancheng.api.catalog.IndustryChain;
import org.qiancheng.api.catalog.Occupation;
import org.qiancheng.api.catalog.ShortageEntry;
import org.qiancheng.api.claim.SubsidyDecision;

/**
 * One case file: a sentence naming the case, the rule ids it exercises, an input scenario,
 * optional parameter overrides, and what the policy must answer. Format: {@code docs/testkit.md}.
 *
 * @param file the file it was read from
 * @param name the sentence
 * @param rules the rule ids exercised, e.g. {@code ["XA2", "XA3"]}
 * @param parameters parameter name → replacement {@code values}, applied before loading the policy
 * @param input the scenario tree, or {@code null} for a case that only expects a refusal at activation
 * @param parent for a city plugin: the parent region's decision, stated inline; {@code null} otherwise
 * @param expect what must come out
 * @param parentCatalog for a city plugin: the parts of the parent's catalogue the case states
 *     ({@code "parent": {"catalog": …}}), which the plugin reads through its
 *     {@link org.qiancheng.api.spi.ParentPolicy}; {@code null} when not stated
 */
public record PolicyCase(String file, String name, List<String> rules, Map<String, Object> parameters, Object input,
        SubsidyDecision parent, Expectation expect, ParentCatalog parentCatalog) {

    /** A case that states no parent catalogue. */
    public PolicyCase(String file, String name, List<String> rules, Map<String, Object> parameters, Object input,
            SubsidyDecision parent, Expectation expect) {
        this(file, name, rules, parameters, input, parent, expect, null);
    }

    /**
     * The parent's catalogue as a case states it, in the formats of the parent's
     * {@code catalog/occupations}, {@code catalog/shortage} and {@code catalog/chains} files
     * (a chain's {@code zh}/{@code en} names may be left out).
     *
     * @param occupations the parent's occupations
     * @param shortage the parent's shortage list
     * @param chains the parent's chains
     * @since 1.2
     */
    public record ParentCatalog(List<Occupation> occupations, List<ShortageEntry> shortage,
            List<IndustryChain> chains) {

        /** Copies the lists. */
        public ParentCatalog {
            occupations = List.copyOf(occupations);
            shortage = List.copyOf(shortage);
            chains = List.copyOf(chains);
        }
    }

    /**
     * What a case expects. Every part left out is not checked.
     *
     * @param activationRefused texts that must each appear among the reasons the policy is refused
     *     at activation (with this case's parameters); when given, nothing else is checked
     * @param eligible whether the trainee must be eligible
     * @param amount the exact amount
     * @param lines line items that must be present (rule and amount, and citation when given)
     * @param refusedBecause rule ids that must appear among the eligibility reasons
     * @param flags rule ids that must appear among the review flags
     * @param notes rule ids that must appear among the notes
     * @param advanceShare the exact advance share
     */
    public record Expectation(List<String> activationRefused, Boolean eligible, BigDecimal amount,
            List<ExpectedLine> lines, List<String> refusedBecause, List<String> flags, List<String> notes,
            BigDecimal advanceShare) {
    }

    /**
     * A line item a case expects.
     *
     * @param rule the rule id
     * @param amount the exact amount
     * @param citation the citation text, e.g. {@code [CN-2025 §四(十二)]}, or {@code null}
     */
    public record ExpectedLine(String rule, BigDecimal amount, String citation) {
    }
}
