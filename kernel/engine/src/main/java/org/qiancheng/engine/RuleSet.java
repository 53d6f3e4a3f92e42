package org.qiancheng.engine;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qiancheng.api.claim.LineItem;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.rule.Rule;
import org.qiancheng.api.rule.Rules;
import org.qiancheng.engine.internal.Json;
import org.qiancheng.engine.internal.JsonException;

/**
 * The validated {@code rules.json} of one policy version (format: {@code docs/rules.md}). Loading
 * collects every problem before refusing, as for parameters. A bundle without the file has no
 * rules. {@link #bind} gives the {@link Rules} a policy sees through its parameters.
 */
public final class RuleSet {

    /** The resource read, at the root of the policy's bundle, beside {@code policy.properties}. */
    public static final String FILE = "rules.json";

    /** No rules: a bundle without a rules file. */
    static final RuleSet NONE = new RuleSet(Map.of(), Map.of());

    private static final List<String> TOP = List.of("rules", "reports");
    private static final List<String> FIELDS = List.of("name", "citation", "parameter", "label", "note");

    private final Map<String, Rule> rules;
    private final Map<String, Citation> reports;

    private RuleSet(Map<String, Rule> rules, Map<String, Citation> reports) {
        this.rules = rules;
        this.reports = reports;
    }

    /**
     * Reads and checks the rules file of a policy, adding every problem to {@code problems}.
     *
     * @param loader the policy's class loader
     * @param declared the parameters the policy declares (a rule may cite one of them)
     * @return the rules, {@link #NONE} without a file, or {@code null} when the file has problems
     */
    static RuleSet load(ClassLoader loader, Set<String> declared, List<String> problems) {
        Object tree;
        try (InputStream in = loader.getResourceAsStream(FILE)) {
            if (in == null) {
                return NONE;
            }
            tree = Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (JsonException e) {
            problems.add(FILE + " is not valid JSON: " + e.getMessage());
            return null;
        } catch (IOException e) {
            problems.add(FILE + " cannot be read: " + e.getMessage());
            return null;
        }
        int before = problems.size();
        if (!(tree instanceof Map<?, ?> file) || !(file.get("rules") instanceof Map<?, ?> entries)) {
            problems.add(FILE + ": the file must hold an object with \"rules\": {id: rule, …}");
            return null;
        }
        file.keySet().stream().filter(k -> !TOP.contains(k))
                .forEach(k -> problems.add(FILE + ": unknown field \"" + k + "\""));
        Map<String, Rule> rules = new LinkedHashMap<>();
        entries.forEach((id, entry) -> rule(String.valueOf(id), entry, declared, problems)
                .ifPresent(rule -> rules.put(rule.id(), rule)));
        Map<String, Citation> reports = new LinkedHashMap<>();
        Object section = file.containsKey("reports") ? file.get("reports") : Map.of();
        if (section instanceof Map<?, ?> map) {
            map.forEach((id, text) -> citation(FILE + ": reports." + id, text, problems)
                    .ifPresent(c -> reports.put(String.valueOf(id), c)));
        } else {
            problems.add(FILE + ": reports must be an object {report id: citation}");
        }
        return problems.size() > before ? null
                : new RuleSet(Collections.unmodifiableMap(rules), Collections.unmodifiableMap(reports));
    }

    private static Optional<Rule> rule(String id, Object entry, Set<String> declared, List<String> problems) {
        String at = FILE + ": " + id;
        if (!(entry instanceof Map<?, ?> map)) {
            problems.add(at + ": a rule must be an object with name, citation (or parameter) and label");
            return Optional.empty();
        }
        int before = problems.size();
        map.keySet().stream().filter(k -> !FIELDS.contains(k))
                .forEach(k -> problems.add(at + ": unknown field \"" + k + "\""));
        LocalizedText name = text(at, "name", map.get("name"), problems);
        LocalizedText label = text(at, "label", map.get("label"), problems);
        Citation citation = null;
        String parameter = null;
        if (map.containsKey("citation") == map.containsKey("parameter")) {
            problems.add(at + ": give exactly one of \"citation\" (e.g. \"CN-2025 §四(十二)\") and \"parameter\""
                    + " (a parameter whose reference it cites)");
        } else if (map.containsKey("citation")) {
            citation = citation(at + ": citation", map.get("citation"), problems).orElse(null);
        } else if (map.get("parameter") instanceof String p && declared.contains(p)) {
            parameter = p;
        } else {
            problems.add(at + ": parameter " + map.get("parameter") + " is not declared by the policy");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Rule(id, name, citation, parameter, label));
        } catch (IllegalArgumentException e) {
            problems.add(at + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static LocalizedText text(String at, String field, Object tree, List<String> problems) {
        if (tree instanceof Map<?, ?> map && map.get("zh") instanceof String zh && map.get("en") instanceof String en
                && !zh.isBlank() && !en.isBlank() && map.size() == 2) {
            return new LocalizedText(zh, en);
        }
        problems.add(at + ": " + field + " must be {\"zh\": \"…\", \"en\": \"…\"}, both non-empty");
        return null;
    }

    private static Optional<Citation> citation(String at, Object text, List<String> problems) {
        try {
            return Optional.of(Citation.parse(text instanceof String s ? s : null));
        } catch (IllegalArgumentException e) {
            problems.add(at + " " + e.getMessage());
            return Optional.empty();
        }
    }

    /** @return the rule ids, in file order */
    public Set<String> ids() {
        return rules.keySet();
    }

    /**
     * @param parameters the parameters a call gets; a rule citing a parameter cites its reference there
     * @return the rules as that call sees them
     */
    Rules bind(Parameters parameters) {
        return new Bound(parameters);
    }

    private final class Bound implements Rules {

        private final Parameters parameters;
        /** Each rule with what every line of it shares, read once per parameter set (see {@link Prepared}). */
        private final Map<String, Prepared> prepared = new HashMap<>();

        Bound(Parameters parameters) {
            this.parameters = parameters;
            rules.forEach((id, rule) -> prepared.put(id, new Prepared(rule, fixedCitation(rule),
                    Rule.placeholders(rule.label().zh()).isEmpty() ? rule.label() : null)));
        }

        /** The clause of a rule when it does not change from call to call; null when it must be asked each time. */
        private Citation fixedCitation(Rule rule) {
            if (rule.citation() != null) {
                return rule.citation();
            }
            try {
                return parameters.reference(rule.citedParameter());
            } catch (RuntimeException e) {
                return null; // asked again, and failing with its own message, when a line cites it
            }
        }

        @Override
        public List<Rule> all() {
            return List.copyOf(rules.values());
        }

        @Override
        public Rule rule(String id) {
            return prepared(id).rule();
        }

        private Prepared prepared(String id) {
            Prepared rule = prepared.get(id);
            if (rule == null) {
                throw new IllegalArgumentException("no rule '" + id + "' in " + FILE + (rules.isEmpty()
                        ? " (the policy's bundle has no rules file)" : " (rules: " + String.join(", ", rules.keySet()) + ")"));
            }
            return rule;
        }

        @Override
        public Citation citation(String id) {
            return citation(prepared(id));
        }

        private Citation citation(Prepared rule) {
            return rule.citation() != null ? rule.citation() : parameters.reference(rule.rule().citedParameter());
        }

        @Override
        public LineItem line(String id, BigDecimal amount, Map<String, ?> args) {
            Prepared rule = prepared(id);
            Citation citation = citation(rule);
            // a label without placeholders is its own text; any other is kept with its arguments and
            // written when the decision is shown or stored (writing it was ≈ 45 % of a decision's time)
            return args.isEmpty() && rule.text() != null ? new LineItem(id, rule.text(), amount, citation)
                    : new LineItem(id, null, amount, citation, rule.rule().filled(args));
        }

        @Override
        public Reason reason(String id, Map<String, ?> args) {
            Prepared rule = prepared(id);
            return reason(rule, args, citation(rule));
        }

        @Override
        public Reason reason(String id, Map<String, ?> args, Citation citation) {
            return reason(prepared(id), args, citation);
        }

        private Reason reason(Prepared rule, Map<String, ?> args, Citation citation) {
            return args.isEmpty() && rule.text() != null ? new Reason(rule.rule().id(), rule.text(), citation)
                    : new Reason(rule.rule().id(), null, citation, rule.rule().filled(args));
        }

        @Override
        public Optional<Citation> reportCitation(String reportId) {
            return Optional.ofNullable(reports.get(reportId));
        }
    }

    /**
     * A rule as the lines of one parameter set use it.
     *
     * @param rule the rule
     * @param citation its clause when that is fixed for the set (its own, or its parameter's reference); null otherwise
     * @param text its label when the label has no placeholders: the text every line of it shows; null otherwise
     */
    private record Prepared(Rule rule, Citation citation, LocalizedText text) {
    }
}
