package org.qiancheng.engine;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qiancheng.api.claim.ParameterUse;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.rule.Rules;

/** Parameters that remember which dated values were read, so a decision can list them [K5]. */
public final class TrackedParameters implements Parameters {

    private final Parameters parameters;
    private final Map<Use, ParameterUse> uses = new LinkedHashMap<>();

    /** A value read: the parameter and the start date of its value. */
    private record Use(String name, LocalDate from) {
    }

    TrackedParameters(Parameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public ParameterValue value(String name, LocalDate on) {
        ParameterValue value = parameters.value(name, on);
        LocalDate from = parameters.effectiveFrom(name, on);
        uses.computeIfAbsent(new Use(name, from), use -> new ParameterUse(name, from, parameters.reference(name)));
        return value;
    }

    @Override
    public LocalDate effectiveFrom(String name, LocalDate on) {
        return parameters.effectiveFrom(name, on);
    }

    @Override
    public Citation reference(String name) {
        return parameters.reference(name);
    }

    @Override
    public boolean declares(String name) {
        return parameters.declares(name);
    }

    @Override
    public boolean isSample(String name) {
        return parameters.isSample(name);
    }

    @Override
    public Rules rules() {
        return parameters.rules();
    }

    /** @return the values read so far, in the order first read */
    public List<ParameterUse> uses() {
        return List.copyOf(uses.values());
    }
}
