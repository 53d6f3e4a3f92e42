package org.qiancheng.api.catalog;

import java.util.List;
import java.util.Objects;
import org.qiancheng.api.model.LocalizedText;

/**
 * An industrial chain a region focuses training on, e.g. one of a province's key industrial chains.
 *
 * @param code the chain's code
 * @param name its name
 * @param occupationCodes the occupations that serve it
 */
public record IndustryChain(String code, LocalizedText name, List<String> occupationCodes) {

    /** Requires code and name; copies the list. */
    public IndustryChain {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        occupationCodes = List.copyOf(occupationCodes);
    }
}
