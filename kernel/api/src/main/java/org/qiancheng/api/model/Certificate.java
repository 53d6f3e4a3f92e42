package org.qiancheng.api.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A certificate obtained after training.
 *
 * @param kind the kind of certificate
 * @param level the skill level it certifies, or {@code null} for kinds without a level
 * @param issuedOn when it was issued
 */
public record Certificate(CertificateKind kind, SkillLevel level, LocalDate issuedOn) {

    /** Requires a kind and an issue date. */
    public Certificate {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(issuedOn, "issuedOn");
    }
}
