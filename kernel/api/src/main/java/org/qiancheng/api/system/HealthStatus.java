package org.qiancheng.api.system;

/** Whether a part of the platform can serve requests. */
public enum HealthStatus {
    /** Serving. */
    UP,
    /** Not serving; the accompanying detail says why. */
    DOWN
}
