package org.qiancheng.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.qiancheng.api.claim.ParameterUse;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.parameter.ParameterValue;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.rule.Rules;

/** Parameters that remember which dated values were read, so a decision can list them [K5]. */
public final class TrackedParameters implements Parameters {

    private final Parameters parameters;
    /** The same parameters when they are a plain set: one look-up gives a value and its date. */
    private final ParameterSet set;
    /**
     * The values read, in the order first read. A list searched from the start, not a map: a
     * decision reads a dozen values or so, and names are the policy's constants, so the search is
     * mostly identity comparisons and costs less than hashing a key for each read.
     */
    private final List<ParameterUse> uses = new ArrayList<>(16);

    TrackedParameters(Parameters parameters) {
        this.parameters = parameters;
        this.set = parameters instanceof ParameterSet plain ? plain : null;
    }

    @Override
    public ParameterValue value(String name, LocalDate on) {
        if (set == null) {
            ParameterValue value = parameters.value(name, on);
            LocalDate from = parameters.effectiveFrom(name, on);
            if (!used(name, from)) {
                uses.add(new ParameterUse(name, from, parameters.reference(name)));
            }
            return value;
        }
        ParameterSet.Dated dated = set.dated(name);
        int at = dated.index(Objects.requireNonNull(on, "on"));
        if (at < 0) {
            return set.value(name, on); // names the parameter and its first date
        }
        LocalDate from = dated.from()[at];
        if (!used(name, from)) {
            uses.add(new ParameterUse(name, from, dated.reference()));
        }
        return dated.values()[at];
    }

    private boolean used(String name, LocalDate from) {
        int hash = name.hashCode(); // cached by the string: compared before the characters
        for (int i = 0, n = uses.size(); i < n; i++) {
            ParameterUse use = uses.get(i);
            String used = use.name();
            if ((used == name || used.hashCode() == hash && used.equals(name)) && use.effectiveFrom().equals(from)) {
                return true;
            }
        }
        return false;
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
        return List.copyOf(uses);
    }
}
