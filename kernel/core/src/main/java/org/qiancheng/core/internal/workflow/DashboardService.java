package org.qiancheng.core.internal.workflow;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.dashboard.Dashboard;
import org.qiancheng.api.dashboard.Dashboards;
import org.qiancheng.api.model.Money;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.persistence.DashboardTx;
import org.qiancheng.persistence.DashboardTx.ClaimEvent;
import org.qiancheng.persistence.WorkflowStore;

/**
 * The console's overview of a year within the user's regions: one read transaction of grouped queries
 * ({@link DashboardTx}); the spans (months, ages) are days of the platform's clock zone ({@link Span}).
 */
@Component
public final class DashboardService implements Dashboards {

    private static final String READ = "report.read";

    private final WorkflowStore store;
    private final Clock clock;

    @Activate
    public DashboardService(@Reference WorkflowStore store, @Reference Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Dashboard dashboard(Integer year) {
        RegionScope scope = Scope.of(READ);
        LocalDate today = LocalDate.now(clock);
        int y = year == null ? today.getYear() : year;
        if (y < 1900 || y > 2100) {
            throw Checks.invalid("year", "range:1900-2100", "must be a year from 1900 to 2100");
        }
        Span span = new Span(y, clock.getZone(), today);
        return store.transaction(tx -> {
            DashboardTx data = tx.dashboard();
            DashboardTx.ClassCounts classes = data.classes(scope, span.first(), span.last(), today);
            Map<String, Long> byStatus = new LinkedHashMap<>();
            byStatus.put("FILED", classes.filed());
            byStatus.put("RUNNING", classes.running());
            byStatus.put("ENDED", classes.ended());
            DashboardTx.Funnel funnel = data.funnel(scope, span.first(), span.last());
            DashboardTx.Queue queue = data.reviewQueue(scope, span.ageBounds());
            return new Dashboard(y, scope.areas(), scope.all(),
                    new Dashboard.Classes(classes.filed() + classes.running() + classes.ended(), byStatus),
                    data.trainees(scope, span.first(), span.last()),
                    new Dashboard.Funnel(funnel.enrolled(), funnel.passed(), funnel.certified(), funnel.employed()),
                    money(data, scope, span), span.queue(queue), List.of());
        });
    }

    private static Dashboard.Money money(DashboardTx data, RegionScope scope, Span span) {
        List<BigDecimal> computed = data.claimAmounts(ClaimEvent.COMPUTED, scope, span.monthInstants());
        List<BigDecimal> approved = data.claimAmounts(ClaimEvent.APPROVED, scope, span.monthInstants());
        List<BigDecimal> paid = data.paid(scope, span.monthDays());
        List<Dashboard.MonthAmounts> months = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            months.add(new Dashboard.MonthAmounts(YearMonth.of(span.year(), m + 1), computed.get(m), approved.get(m),
                    paid.get(m)));
        }
        List<java.time.Instant> bounds = span.monthInstants();
        Map<String, BigDecimal> computedBy = data.claimAmountsByRegion(ClaimEvent.COMPUTED, scope, bounds.get(0),
                bounds.get(12));
        Map<String, BigDecimal> approvedBy = data.claimAmountsByRegion(ClaimEvent.APPROVED, scope, bounds.get(0),
                bounds.get(12));
        Map<String, BigDecimal> paidBy = data.paidByRegion(scope, span.monthDays().get(0), span.monthDays().get(12));
        TreeSet<String> regions = new TreeSet<>(computedBy.keySet());
        regions.addAll(approvedBy.keySet());
        regions.addAll(paidBy.keySet());
        List<Dashboard.RegionAmounts> byRegion = regions.stream().map(r -> new Dashboard.RegionAmounts(r,
                computedBy.getOrDefault(r, Money.ZERO), approvedBy.getOrDefault(r, Money.ZERO),
                paidBy.getOrDefault(r, Money.ZERO))).toList();
        return new Dashboard.Money(months, byRegion);
    }
}
