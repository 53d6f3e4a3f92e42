package org.qiancheng.engine;

import java.time.LocalDate;
import java.util.Set;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;

/**
 * A parent region's parameters as a city plugin sees them applied: the city's files replace the
 * parent's files of the same name (its own standards table, its own shortage list).
 */
final class OverlayParameters implements Parameters {

    private final Parameters parent;
    private final Parameters city;
    private final Set<String> overridden;

    OverlayParameters(Parameters parent, Parameters city, Set<String> overridden) {
        this.parent = parent;
        this.city = city;
        this.overridden = Set.copyOf(overridden);
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
}
