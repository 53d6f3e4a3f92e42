package org.qiancheng.api.deploy;

import java.util.Objects;

/**
 * One jar in {@code deploy/}.
 *
 * @param file the file name
 * @param symbolicName its {@code Bundle-SymbolicName}, or {@code null} when unreadable
 * @param version its {@code Bundle-Version}, or {@code null} when unreadable
 * @param size its size in bytes
 * @param sha256 the SHA-256 of its bytes, hexadecimal
 * @param status what became of it
 * @param reason why it was refused; {@code null} otherwise
 * @param inForce the version installed from this file that decides: the file's own when accepted,
 *     the previous one when a replacement was refused, {@code null} when none
 */
public record DeployedFile(String file, String symbolicName, String version, long size, String sha256,
        DeployStatus status, String reason, String inForce) {

    /** Requires file, sha256 and status. */
    public DeployedFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(status, "status");
    }
}
