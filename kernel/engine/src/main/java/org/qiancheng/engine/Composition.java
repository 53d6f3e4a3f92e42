package org.qiancheng.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.catalog.Occupation;
import org.qiancheng.api.catalog.ShortageEntry;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.Reason;
import org.qiancheng.api.claim.SubsidyDecision;
import org.qiancheng.api.model.TargetGroup;

/**
 * How a city plugin's answers are combined with its parent region's: the same rules in the
 * runtime and in the test kit, documented in {@code docs/writing-a-region-plugin.md}.
 */
final class Composition {

    private Composition() {
    }

    /** Refused when either refuses; otherwise the parent's lines then the local ones; the parent's advance. */
    static SubsidyDecision decision(SubsidyDecision parent, SubsidyDecision local) {
        Eligibility eligibility = eligibility(parent.eligibility(), local.eligibility());
        if (!eligibility.eligible()) {
            return SubsidyDecision.refused(eligibility);
        }
        return new SubsidyDecision(eligibility, concat(parent.lines(), local.lines()),
                concat(parent.notes(), local.notes()), concat(parent.flags(), local.flags()), parent.advanceShare());
    }

    static Eligibility eligibility(Eligibility parent, Eligibility local) {
        List<Reason> reasons = new ArrayList<>();
        if (parent.eligible() && local.eligible()) {
            reasons.addAll(parent.reasons());
            reasons.addAll(local.reasons());
            return new Eligibility(true, reasons);
        }
        if (!parent.eligible()) {
            reasons.addAll(parent.reasons());
        }
        if (!local.eligible()) {
            reasons.addAll(local.reasons());
        }
        return new Eligibility(false, reasons);
    }

    /** The parent's catalogue, with the city's occupations and shortage entries replacing same codes. */
    static Catalog catalog(Catalog parent, Catalog local, String cityRegion) {
        Map<String, Occupation> occupations = new LinkedHashMap<>();
        parent.occupations().forEach(o -> occupations.put(o.code(), o));
        local.occupations().forEach(o -> occupations.put(o.code(), o));
        Map<String, ShortageEntry> shortage = new LinkedHashMap<>();
        parent.shortage().forEach(s -> shortage.put(s.occupationCode(), s));
        local.shortage().forEach(s -> shortage.put(s.occupationCode(), s));
        EnumSet<TargetGroup> focus = EnumSet.noneOf(TargetGroup.class);
        focus.addAll(parent.focusGroups());
        focus.addAll(local.focusGroups());
        return new Catalog(cityRegion, parent.on(), List.copyOf(occupations.values()), List.copyOf(shortage.values()),
                concat(parent.chains(), local.chains()), concat(parent.demand(), local.demand()),
                concat(parent.programmes(), local.programmes()), focus, parent.sample() || local.sample());
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
