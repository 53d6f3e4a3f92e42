package org.qiancheng.api.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.model.TargetGroup;

/**
 * A region's training catalogue on one day.
 *
 * @param regionCode the region
 * @param on the day the catalogue is valid for
 * @param occupations the occupations offered
 * @param shortage the shortage list
 * @param chains the industrial chains focused on
 * @param demand the demand catalogue
 * @param programmes special programmes
 * @param focusGroups the target groups the region focuses on
 * @param sample whether the data are sample data an operator must replace with the official tables
 */
public record Catalog(String regionCode, LocalDate on, List<Occupation> occupations, List<ShortageEntry> shortage,
        List<IndustryChain> chains, List<DemandEntry> demand, List<Programme> programmes, Set<TargetGroup> focusGroups,
        boolean sample) {

    /** Requires region and day; copies the collections. */
    public Catalog {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(on, "on");
        occupations = List.copyOf(occupations);
        shortage = List.copyOf(shortage);
        chains = List.copyOf(chains);
        demand = List.copyOf(demand);
        programmes = List.copyOf(programmes);
        focusGroups = Set.copyOf(focusGroups);
    }

    /** @return the occupation with that code, if the catalogue has it */
    public Optional<Occupation> occupation(String code) {
        return occupations.stream().filter(o -> o.code().equals(code)).findFirst();
    }

    /** @return whether subsidised training is offered in that occupation at that level */
    public boolean offers(String occupationCode, SkillLevel level) {
        return occupation(occupationCode).map(o -> o.levels().contains(level)).orElse(false);
    }
}
