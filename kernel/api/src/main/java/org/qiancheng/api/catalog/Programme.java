package org.qiancheng.api.catalog;

import java.util.List;
import java.util.Objects;
import org.qiancheng.api.model.Citation;
import org.qiancheng.api.model.LocalizedText;

/**
 * A special training programme, e.g. an elder-care programme [CN-2025 §二(六)].
 *
 * @param code the programme's code
 * @param name its name
 * @param occupationCodes the occupations it trains
 * @param citation the clause that sets it up
 */
public record Programme(String code, LocalizedText name, List<String> occupationCodes, Citation citation) {

    /** Requires every part; copies the list. */
    public Programme {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(citation, "citation");
        occupationCodes = List.copyOf(occupationCodes);
    }
}
