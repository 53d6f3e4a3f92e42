package org.qiancheng.api.spi;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;
import org.qiancheng.api.parameter.ParameterSpec;
import org.qiancheng.api.policy.PolicyDescriptor;

/**
 * One version of one region's policy: what a region bundle registers as a service, one per policy
 * version it carries (and lists in {@code META-INF/services} so the test kit finds it without a
 * framework).
 *
 * <p>A region policy is pure. Its parts answer from their inputs and the {@code Parameters} the
 * kernel hands them; they never touch a database, the network, files outside the bundle or another
 * region. The kernel loads {@code parameters/<name>.json} from the class loader of the
 * implementation class for every spec in {@link #parameters()}, validates them, and refuses the
 * version with the reasons when a file is missing or a value breaks its spec.
 */
@ConsumerType
public interface RegionPolicy {

    /**
     * Who this policy is: region, version, effective period, documents.
     *
     * @return the descriptor; the same on every call
     */
    PolicyDescriptor descriptor();

    /**
     * The dated parameters this policy reads, with the bounds its documents set.
     *
     * @return the specs; the kernel loads and validates one file per spec
     */
    List<ParameterSpec> parameters();

    /**
     * The training catalogue.
     *
     * @return the catalogue part
     */
    TrainingCatalog catalog();

    /**
     * The subsidy rules.
     *
     * @return the subsidy part
     */
    SubsidyPolicy subsidy();

    /**
     * The evaluation indicators and reports, when the region defines any.
     *
     * @return the report part, or empty
     */
    default Optional<EvaluationReport> reports() {
        return Optional.empty();
    }

    /**
     * The region this policy refines, for a city or county plugin that extends its province
     * (e.g. Chengdu 510100 extends Sichuan 510000). The kernel then decides with the parent's
     * version in force on the class's start date, reading this policy's parameter files in place
     * of the parent's files of the same name (checked against the parent's bounds), and adds what
     * {@link SubsidyPolicy#decide(org.qiancheng.api.claim.ClaimInput, org.qiancheng.api.claim.SubsidyDecision,
     * org.qiancheng.api.parameter.Parameters)} returns; the catalogue is the parent's refined by
     * this one's. Since 1.3 the plugin reads the parent's catalogue (chains, shortage list …)
     * through the {@link ParentPolicy} the kernel hands to
     * {@link SubsidyPolicy#decide(org.qiancheng.api.claim.ClaimInput, org.qiancheng.api.claim.SubsidyDecision,
     * ParentPolicy, org.qiancheng.api.parameter.Parameters)} and
     * {@link TrainingCatalog#catalog(java.time.LocalDate, ParentPolicy, org.qiancheng.api.parameter.Parameters)}
     * instead of copying it. See {@code docs/writing-a-region-plugin.md}.
     *
     * @return the parent's GB/T 2260 code, or empty for a policy that stands alone
     * @since 1.1
     */
    default Optional<String> parentRegion() {
        return Optional.empty();
    }
}
