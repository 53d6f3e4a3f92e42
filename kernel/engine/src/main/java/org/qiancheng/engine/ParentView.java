package org.qiancheng.engine;

import java.time.LocalDate;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.parameter.Parameters;
import org.qiancheng.api.spi.ParentPolicy;

/**
 * The parent version a city plugin is composed with, as the plugin may read it: the parent's own
 * catalogue read with the parameters the parent decides with (the city's overrides in place).
 * Reads through the given parameters, so a tracked set records what the parent's catalogue read.
 */
final class ParentView implements ParentPolicy {

    private final StandalonePolicy parent;
    private final Parameters parameters;

    ParentView(StandalonePolicy parent, Parameters parameters) {
        this.parent = parent;
        this.parameters = parameters;
    }

    @Override
    public String regionCode() {
        return parent.descriptor().regionCode();
    }

    @Override
    public Catalog catalog(LocalDate on) {
        return parent.guarded("catalogue", () -> parent.policy().catalog().catalog(on, parameters));
    }
}
