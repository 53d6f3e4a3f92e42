package org.qiancheng.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.report.Report;
import org.qiancheng.api.report.ReportData;
import org.qiancheng.api.report.ReportDefinition;

/**
 * A region policy ready to decide, evaluated exactly the same way in the runtime and in a plain
 * unit test: every decision records the policy identity and each dated parameter value read, and
 * a policy that throws is reported with its identity as a {@link PolicyFailureException}.
 * <p>
 * Either a {@link StandalonePolicy} (a region, or a city plugin deciding on a parent decision it is
 * given) or a {@link ComposedPolicy} (a city plugin over a loaded version of its parent).
 */
public sealed interface LoadedPolicy permits StandalonePolicy, ComposedPolicy {

    /** @return the descriptor of the policy whose region this is */
    PolicyDescriptor descriptor();

    /** @return the identity recorded in decisions */
    PolicyIdentity identity();

    /** @return the catalogue in force on a day */
    Catalog catalog(LocalDate on);

    /** @return the trainee's eligibility for the class */
    Eligibility eligibility(TraineeFacts trainee, ClassFacts classFacts);

    /** @return the reproducible decision for the claim */
    Decision decide(ClaimInput input);

    /** @return the reports offered */
    List<ReportDefinition> reports();

    /** @return the report, or empty when the policy offers no report with that id */
    Optional<Report> report(String reportId, ReportData data);
}
