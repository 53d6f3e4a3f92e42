package org.qiancheng.api.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.model.SkillLevel;

/**
 * An occupation (职业/工种) of a region's catalogue and the levels trained in it.
 *
 * @param code national occupation classification style code, e.g. {@code 4-10-01-05}
 * @param name its name
 * @param levels the skill levels subsidised training is offered at
 * @param tags free classification such as sector names, for reports and filters
 */
public record Occupation(String code, LocalizedText name, Set<SkillLevel> levels, List<String> tags) {

    /** Requires code and name; copies the collections. */
    public Occupation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        levels = Set.copyOf(levels);
        tags = List.copyOf(tags);
    }
}
