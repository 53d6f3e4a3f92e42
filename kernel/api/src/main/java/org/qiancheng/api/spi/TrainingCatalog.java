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
}
