package org.qiancheng.api.spi;

import java.time.LocalDate;
import org.osgi.annotation.versioning.ConsumerType;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.parameter.Parameters;

/**
 * A region's training catalogue: occupations and levels, shortage list, industrial chains, demand
 * catalogue, special programmes and focus groups, normally read from dated parameter files.
 */
@ConsumerType
public interface TrainingCatalog {

    /**
     * The catalogue in force on a day.
     *
     * @param on the day
     * @param parameters the policy's dated parameters
     * @return the catalogue
     */
    Catalog catalog(LocalDate on, Parameters parameters);

    /**
     * For a policy that extends a parent region: its catalogue on a day, knowing the parent's. The
     * kernel merges the returned catalogue into the parent's (same codes replaced), so return only
     * what this policy adds or replaces; read the parent's lists (e.g. a local shortage list
     * derived from the province's) from {@code parent} instead of copying them. The default
     * ignores the parent and returns {@link #catalog(LocalDate, Parameters)}.
     *
     * @param on the day
     * @param parent the parent's version this catalogue is composed with
     * @param parameters the policy's own dated parameters
     * @return the local catalogue
     * @since 1.3
     */
    default Catalog catalog(LocalDate on, ParentPolicy parent, Parameters parameters) {
        return catalog(on, parameters);
    }
}
