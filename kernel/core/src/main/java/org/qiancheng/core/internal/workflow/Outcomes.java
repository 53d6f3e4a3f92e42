package org.qiancheng.core.internal.workflow;

import static org.qiancheng.core.internal.workflow.Checks.invalid;
import static org.qiancheng.core.internal.workflow.Checks.required;

import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.Certificate;
import org.qiancheng.api.model.EmploymentOutcome;
import org.qiancheng.api.workflow.Drafts.OutcomeDraft;

/** Checks a trainee's outcome as a client sends it. */
final class Outcomes {

    private Outcomes() {
    }

    static TraineeOutcome of(OutcomeDraft draft) {
        boolean passed = required("passed", draft.passed());
        Certificate certificate = draft.certificate();
        if (certificate != null) {
            required("certificate.kind", certificate.kind());
            required("certificate.issuedOn", certificate.issuedOn());
        }
        EmploymentOutcome employment = draft.employment() == null ? EmploymentOutcome.NONE : draft.employment();
        if (employment != EmploymentOutcome.NONE && draft.employedOn() == null) {
            throw invalid("employedOn", "required", "is required when employment is " + employment);
        }
        return new TraineeOutcome(passed, certificate, employment, draft.employedOn());
    }
}
