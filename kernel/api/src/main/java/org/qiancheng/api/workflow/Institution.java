package org.qiancheng.api.workflow;

/**
 * A training institution of the directory.
 *
 * @param id the kernel's id
 * @param name its registered name
 * @param regionCode GB/T 2260 code of where it is registered
 * @param status its standing
 * @param creditGrade credit grade (e.g. A, B, C), or {@code null}
 * @param version optimistic-lock version; an update must name the version it read
 */
public record Institution(long id, String name, String regionCode, InstitutionStatus status, String creditGrade,
        long version) {
}
