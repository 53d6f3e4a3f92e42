package org.qiancheng.core.internal.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.claim.TraineeOutcome;
import org.qiancheng.api.model.Money;
import org.qiancheng.api.report.ClassRecord;
import org.qiancheng.api.report.ReportData;
import org.qiancheng.api.report.ReportDataSource;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.ClaimStatus;
import org.qiancheng.api.workflow.Enrolment;
import org.qiancheng.api.workflow.TrainingClass;
import org.qiancheng.persistence.WorkflowStore;

/**
 * The data set of a region's reports: its stored classes (and those of its cities and counties)
 * that ended in the period, with results from the recorded outcomes and the approved subsidy.
 */
@Component
public final class StoredReportData implements ReportDataSource {

    private final WorkflowStore store;

    @Activate
    public StoredReportData(@Reference WorkflowStore store) {
        this.store = store;
    }

    @Override
    public ReportData load(String regionCode, LocalDate from, LocalDate to) {
        String prefix = Checks.regionPrefix(regionCode);
        return store.transaction(tx -> {
            List<ClassRecord> records = new ArrayList<>();
            for (TrainingClass course : tx.classes().ended(prefix, from, to)) {
                List<Enrolment> enrolments = tx.enrolments().ofClass(course.id());
                List<TraineeOutcome> outcomes = enrolments.stream().map(Enrolment::outcome).filter(o -> o != null)
                        .toList();
                int enrolled = enrolments.size();
                BigDecimal subsidy = tx.claims().ofClass(course.id()).stream()
                        .filter(c -> c.status() == ClaimStatus.APPROVED).map(Claim::amount)
                        .reduce(Money.ZERO, BigDecimal::add);
                int highSkilled = (int) outcomes.stream().filter(o -> o.certificate() != null
                        && o.certificate().level() != null && o.certificate().level().isHighSkilled()).count();
                records.add(new ClassRecord(Long.toString(course.id()), course.facts(), Results.of(enrolled, outcomes,
                        tx.classes().survey(course.id())),
                        highSkilled, subsidy));
            }
            return new ReportData(regionCode, from, to, records);
        });
    }
}
