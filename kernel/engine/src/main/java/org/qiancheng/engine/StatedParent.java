package org.qiancheng.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.spi.ParentPolicy;

/**
 * A parent region as a city plugin's case file states it inline ({@code "parent": {"catalog": …}}),
 * so the plugin's rules that read the parent's catalogue are tested without the parent's bundle.
 */
final class StatedParent implements ParentPolicy {

    /** For a caller that states no parent: reading the parent's catalogue fails, saying so. */
    static final ParentPolicy NOT_STATED = new StatedParent("", null);

    private final String regionCode;
    private final PolicyCase.ParentCatalog catalog;

    /**
     * @param regionCode the parent region the plugin names
     * @param catalog the stated catalogue, or {@code null} when the case states none
     */
    StatedParent(String regionCode, PolicyCase.ParentCatalog catalog) {
        this.regionCode = regionCode;
        this.catalog = catalog;
    }

    @Override
    public String regionCode() {
        return regionCode;
    }

    @Override
    public Catalog catalog(LocalDate on) {
        if (catalog == null) {
            throw new IllegalStateException("the policy reads its parent's catalogue: state it in the case's "
                    + "\"parent\": {\"catalog\": {\"chains\": […], \"shortage\": {…}, \"occupations\": […]}}");
        }
        return new Catalog(regionCode, on, catalog.occupations(), catalog.shortage(), catalog.chains(), List.of(),
                List.of(), Set.of(), false);
    }
}
