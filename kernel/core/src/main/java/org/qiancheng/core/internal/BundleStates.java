package org.qiancheng.core.internal;

import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.Bundle;

/** Names and counts bundle states the way operators read them in the health report. */
final class BundleStates {

    private BundleStates() {
    }

    static String name(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNKNOWN(" + state + ")";
        };
    }

    static Map<String, Integer> count(Bundle... bundles) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Bundle bundle : bundles) {
            counts.merge(name(bundle.getState()), 1, Integer::sum);
        }
        return counts;
    }
}
