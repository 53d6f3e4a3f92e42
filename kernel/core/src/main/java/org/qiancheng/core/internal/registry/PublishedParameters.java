package org.qiancheng.core.internal.registry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.qiancheng.api.parameter.PublishedParameter;
import org.qiancheng.engine.ParameterFile;

/**
 * The parameters a version publishes beside its catalogue: every loaded file in yuan or ratio with
 * the value in force on the day, whatever the region and the shape of its tables.
 */
final class PublishedParameters {

    /** The units of the amounts and shares a decision rests on. */
    static final Set<String> UNITS = Set.of("yuan", "ratio");

    private PublishedParameters() {
    }

    /**
     * @param layers the parameter files, the parent's first: a later layer's file replaces a same-named one
     * @param on the day
     * @return by name, those in a published unit with a value in force on the day
     */
    static List<PublishedParameter> of(List<Collection<ParameterFile>> layers, LocalDate on) {
        Map<String, PublishedParameter> byName = new TreeMap<>();
        for (Collection<ParameterFile> files : layers) {
            for (ParameterFile file : files) {
                byName.remove(file.name());
                var inForce = file.values().floorEntry(on);
                if (UNITS.contains(file.unit()) && inForce != null) {
                    byName.put(file.name(), new PublishedParameter(file.name(), file.description(), file.unit(),
                            file.reference(), file.sample(), inForce.getKey(), inForce.getValue()));
                }
            }
        }
        return List.copyOf(byName.values());
    }
}
