package org.qiancheng.core.internal;

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
import org.qiancheng.api.registry.PolicySnapshot;
import org.qiancheng.api.report.Report;
import org.qiancheng.api.report.ReportData;
import org.qiancheng.api.report.ReportDefinition;

/** A lease on one installed version; closing it lets a waiting removal proceed. */
final class Snapshot implements PolicySnapshot {

    private final Installed version;
    private final AtomicBoolean closed = new AtomicBoolean();

    Snapshot(Installed version) {
        this.version = version;
    }

    @Override
    public PolicyDescriptor descriptor() {
        return version.descriptor;
    }

    @Override
    public PolicyIdentity identity() {
        return version.identity;
    }

    @Override
    public Catalog catalog(LocalDate on) {
        return version.loaded.catalog(on);
    }

    @Override
    public Eligibility eligibility(TraineeFacts trainee, ClassFacts classFacts) {
        return version.loaded.eligibility(trainee, classFacts);
    }

    @Override
    public Decision decide(ClaimInput input) {
        return version.loaded.decide(input);
    }

    @Override
    public List<ReportDefinition> reports() {
        return version.loaded.reports();
    }

    @Override
    public Optional<Report> report(String reportId, ReportData data) {
        return version.loaded.report(reportId, data);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            synchronized (version) {
                version.inUse.decrementAndGet();
                version.notifyAll();
            }
        }
    }
}
