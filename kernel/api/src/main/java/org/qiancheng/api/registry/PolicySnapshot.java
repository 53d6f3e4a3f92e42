package org.qiancheng.api.registry;

import java.time.LocalDate;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.parameter.PublishedParameter;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.report.Report;
import org.qiancheng.api.report.ReportData;
import org.qiancheng.api.report.ReportDefinition;

/**
 * One policy version held for the length of a request or a batch. Everything asked of a snapshot
 * is answered by the same version with the same parameters, even if its bundle is updated or
 * removed meanwhile; removal of the version waits until every snapshot of it is closed.
 * Use it in try-with-resources.
 */
@ProviderType
public interface PolicySnapshot extends AutoCloseable {

    /** @return what the version held declares */
    PolicyDescriptor descriptor();

    /** @return the bundle carrying the version held, and its content hash */
    PolicyIdentity identity();

    /**
     * @param on the day
     * @return the catalogue in force on the day
     */
    Catalog catalog(LocalDate on);

    /**
     * The amounts and shares the version decides with, as published next to its catalogue: every
     * declared parameter whose unit is {@code yuan} or {@code ratio} (the subsidy standard table,
     * shortage uplifts, shares), whatever its shape, with the value in force on the day. A city
     * plugin's version publishes its parent's parameters with its own in place of same-named ones.
     *
     * @param on the day
     * @return the parameters with a value in force on the day, by name
     * @since 1.3
     */
    java.util.List<PublishedParameter> parameters(LocalDate on);

    /**
     * @param trainee the trainee
     * @param classFacts the class
     * @return whether the trainee may be subsidised for the class
     */
    Eligibility eligibility(TraineeFacts trainee, ClassFacts classFacts);

    /**
     * Decides a claim, recording the policy identity and every parameter read.
     *
     * @param input the claim's inputs
     * @return the reproducible decision
     */
    Decision decide(ClaimInput input);

    /**
     * Decides several claims at once, each as {@link #decide} would: a class's trainees in one call
     * into the region's bundle rather than one call each.
     *
     * @param inputs the claims' inputs
     * @return their decisions, in the same order
     * @since 1.6
     */
    default java.util.List<Decision> decideAll(java.util.List<ClaimInput> inputs) {
        return inputs.stream().map(this::decide).toList();
    }

    /** @return the reports the version offers; empty when it offers none */
    java.util.List<ReportDefinition> reports();

    /**
     * @param reportId one of {@link #reports()}
     * @param data the data set
     * @return the report, or empty when the version has no such report
     */
    Optional<Report> report(String reportId, ReportData data);

    /** Releases the version; never throws. */
    @Override
    void close();
}
