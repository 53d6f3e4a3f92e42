package org.qiancheng.core.internal.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.policy.PolicyDescriptor;
import org.qiancheng.api.claim.ClaimInput;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.Eligibility;
import org.qiancheng.api.claim.PolicyIdentity;
import org.qiancheng.api.claim.TraineeFacts;
import org.qiancheng.api.parameter.PublishedParameter;
import org.qiancheng.api.registry.PolicySnapshot;
import org.qiancheng.api.report.Report;
import org.qiancheng.api.report.ReportData;
import org.qiancheng.api.report.ReportDefinition;
import org.qiancheng.engine.LoadedPolicy;

/**
 * Leases on the installed versions a request uses (a city plugin's and its parent's); closing it
 * lets a waiting removal proceed.
 */
final class Snapshot implements PolicySnapshot {

    private final LoadedPolicy policy;
    private final List<Installed> leased;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param leased the versions, already counted as in use */
    Snapshot(LoadedPolicy policy, List<Installed> leased) {
        this.policy = policy;
        this.leased = List.copyOf(leased);
    }

    @Override
    public PolicyDescriptor descriptor() {
        return policy.descriptor();
    }

    @Override
    public PolicyIdentity identity() {
        return policy.identity();
    }

    @Override
    public Catalog catalog(LocalDate on) {
        // the version keeps what its bundle answered for a day (Installed.catalogue): no call, no hop, after the first
        return leased.get(0).catalogue(leased.size() > 1 ? leased.get(1).key : -1, on,
                () -> guarded("catalogue", () -> policy.catalog(on)));
    }

    /** The city's files over its parent's, for a composition (leased: the city's version, then the parent's). */
    @Override
    public List<PublishedParameter> parameters(LocalDate on) {
        List<java.util.Collection<org.qiancheng.engine.ParameterFile>> layers = new java.util.ArrayList<>();
        leased.forEach(version -> layers.add(0, version.loaded.parameters().files()));
        return PublishedParameters.of(layers, on);
    }

    @Override
    public Eligibility eligibility(TraineeFacts trainee, ClassFacts classFacts) {
        return guarded("eligibility", () -> policy.eligibility(trainee, classFacts));
    }

    @Override
    public Decision decide(ClaimInput input) {
        return guarded("decide", () -> policy.decide(input));
    }

    /** One call into the bundle for all of them, under the version's time limit for one call. */
    @Override
    public List<Decision> decideAll(List<ClaimInput> inputs) {
        return guarded("decide " + inputs.size() + " claims", () -> inputs.stream().map(policy::decide).toList());
    }

    @Override
    public List<ReportDefinition> reports() {
        return policy.reports();
    }

    @Override
    public Optional<Report> report(String reportId, ReportData data) {
        return guarded("report", () -> policy.report(reportId, data));
    }

    /** The bundle's code under the time limit of the version chosen (a city plugin's, for a composition). */
    private <T> T guarded(String what, java.util.function.Supplier<T> work) {
        return leased.get(0).guard.call(what, work);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            for (Installed version : leased) {
                synchronized (version) {
                    version.inUse.decrementAndGet();
                    version.notifyAll();
                }
            }
        }
    }
}
