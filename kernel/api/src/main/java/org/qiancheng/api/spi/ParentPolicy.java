package org.qiancheng.api.spi;

import java.time.LocalDate;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.catalog.Catalog;

/**
 * What a city or county plugin may read of the parent region it refines (see
 * {@link RegionPolicy#parentRegion()}): the parent's version the kernel composes it with for the
 * call at hand, i.e. the parent's version in force on the class's start date (or pinned). The
 * kernel provides it; a plugin never looks a region up itself.
 *
 * <p>Read the parent's lists here instead of copying them into the plugin's own parameter files:
 * a Chengdu top-up for the occupations of Sichuan's "15+N" chains reads
 * {@code parent.catalog(day).chains()} and follows every new Sichuan version without a new
 * Chengdu version. What the parent's catalogue reads is recorded in the decision like the
 * plugin's own parameters.
 *
 * @since 1.3
 */
@ProviderType
public interface ParentPolicy {

    /**
     * @return the parent's GB/T 2260 code, the one {@link RegionPolicy#parentRegion()} names
     */
    String regionCode();

    /**
     * The parent's own catalogue on a day, read with the plugin's parameter files in place of the
     * parent's files of the same name (as the parent decides), not yet refined by the plugin's
     * catalogue.
     *
     * @param on the day, normally the class's start date
     * @return the parent's catalogue: occupations, shortage list, chains, demand, programmes, focus groups
     */
    Catalog catalog(LocalDate on);
}
