package org.qiancheng.api.claim;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.qiancheng.api.model.Certificate;
import org.qiancheng.api.model.EmploymentOutcome;

/**
 * What became of one trainee after the class.
 *
 * @param passed whether the trainee passed the final assessment (结业考核)
 * @param certificate the certificate obtained, or {@code null}
 * @param employment the employment outcome found by the follow-up
 * @param employedOn when that outcome began, or {@code null} for {@link EmploymentOutcome#NONE}
 */
public record TraineeOutcome(boolean passed, Certificate certificate, EmploymentOutcome employment,
        LocalDate employedOn) {

    /** Requires an employment outcome. */
    public TraineeOutcome {
        Objects.requireNonNull(employment, "employment");
    }

    /** @return the certificate, if one was obtained */
    public Optional<Certificate> certificateIfAny() {
        return Optional.ofNullable(certificate);
    }
}
