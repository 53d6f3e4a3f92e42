package org.qiancheng.core.internal.registry;

import java.util.Comparator;
import org.osgi.framework.Version;

/** Orders policy versions numerically (2025.10.0 after 2025.2.0), as OSGi versions. */
enum VersionOrder implements Comparator<String> {
    INSTANCE;

    @Override
    public int compare(String left, String right) {
        return Version.parseVersion(left).compareTo(Version.parseVersion(right));
    }
}
