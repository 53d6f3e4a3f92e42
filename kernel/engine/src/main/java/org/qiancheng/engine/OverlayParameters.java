package org.qiancheng.engine;

import java.time.LocalDate;
import java.util.Set;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.rule.Rules;

/**
 * A parent region's parameters as a city plugin sees them applied: the city's files replace the
 * parent's files of the same name (its own standards table, its own shortage list). The rules are
 * the parent's.
 */
final class OverlayParameters implements Parameters {

    private final Parameters parent;
    private final Parameters city;
    private final Set<String> overridden;
    private final RuleSet parentRules;
    private final Rules bound;

    OverlayParameters(Parameters parent, Parameters city, Set<String> overridden, RuleSet parentRules) {
        this.parent = parent;
        this.city = city;
        this.overridden = Set.copyOf(overridden);
        this.parentRules = parentRules;
        this.bound = parentRules.bind(this);
    }

    private Parameters source(String name) {
        return overridden.contains(name) ? city : parent;
    }

    @Override
    public ParameterValue value(String name, LocalDate on) {
        return source(name).value(name, on);
    }

    @Override
    public LocalDate effectiveFrom(String name, LocalDate on) {
        return source(name).effectiveFrom(name, on);
    }

    @Override
    public Citation reference(String name) {
        return source(name).reference(name);
    }

    @Override
    public boolean declares(String name) {
        return parent.declares(name);
    }

    @Override
    public boolean isSample(String name) {
        return source(name).isSample(name);
    }

    /** The parent's rules: the parent's code runs with these parameters; a rule citing an overridden file cites the city's. */
    @Override
    public Rules rules() {
        return bound;
    }
}
