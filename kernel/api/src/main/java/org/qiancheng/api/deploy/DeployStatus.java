package org.qiancheng.api.deploy;

/** What became of a file in {@code deploy/}. */
public enum DeployStatus {
    /** Not looked at yet: the hot folder is read every 250 ms. */
    PENDING,
    /** Its region policy passed validation and is installed. */
    ACCEPTED,
    /** Refused (not a complete jar, not a region policy, or its policy failed validation); see the reason. */
    REFUSED,
    /** A bundle that carries no region policy, installed as any bundle (copied in by an administrator). */
    UNMANAGED
}
