package org.qiancheng.core.internal.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.registry.PolicySnapshot;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.Comparison;
import org.qiancheng.api.workflow.Comparison.Difference;
import org.qiancheng.api.workflow.Comparison.OccupationDelta;
import org.qiancheng.api.workflow.Comparisons;
import org.qiancheng.persistence.WorkflowStore;

/**
 * Compares a candidate version with the stored claims, a page of claims per read-only
 * transaction, holding one snapshot of the candidate for the whole scan; only the totals and the
 * {@code top} largest differences stay in memory.
 */
@Component
public final class ComparisonService implements Comparisons {

    private static final int PAGE = 1_000;
    private static final int MAX_TOP = 100;
    private static final Comparator<Difference> BY_SIZE = Comparator
            .comparing((Difference d) -> d.delta().abs()).thenComparing(Difference::claimId, Comparator.reverseOrder());

    private final WorkflowStore store;
    private final PolicyRegistry registry;

    @Activate
    public ComparisonService(@Reference WorkflowStore store, @Reference PolicyRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    @Override
    public Comparison compare(String regionCode, String candidate, LocalDate from, LocalDate to, int top) {
        RegionScope scope = Scope.of("policy.compare");
        String region = Checks.region("regionCode", regionCode);
        Scope.writable(scope, "regionCode", region);
        Checks.text("candidate", candidate, 40);
        Checks.required("from", from);
        Checks.required("to", to);
        if (to.isBefore(from)) {
            throw Checks.invalid("to", "not-before-from", "must not be before from " + from + ", was " + to);
        }
        if (top < 1 || top > MAX_TOP) {
            throw Checks.invalid("top", "range:1-" + MAX_TOP, "must be from 1 to " + MAX_TOP + ", was " + top);
        }
        try (PolicySnapshot policy = registry.acquire(region, candidate)) {
            Tally total = new Tally();
            Map<String, Tally> byOccupation = new TreeMap<>();
            PriorityQueue<Difference> largest = new PriorityQueue<>(BY_SIZE);
            long after = 0;
            while (true) {
                long afterId = after;
                List<Claim> page = store.transaction(tx -> tx.claims().decidedBy(region, from, to, afterId, PAGE));
                for (Claim claim : page) {
                    Decision again = policy.decide(claim.decision().input());
                    // the decision's amount: a top-up's is the whole (its original and itself), an original's its own
                    BigDecimal now = claim.decision().amount();
                    BigDecimal delta = again.amount().subtract(now);
                    total.add(now, again.amount());
                    byOccupation.computeIfAbsent(claim.decision().input().classFacts().occupationCode(),
                            k -> new Tally()).add(now, again.amount());
                    if (delta.signum() != 0) {
                        largest.add(new Difference(claim.id(), claim.classId(), now, again.amount(), delta,
                                claim.decision(), again));
                        if (largest.size() > top) {
                            largest.poll();
                        }
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).id();
            }
            List<Difference> biggestFirst = new ArrayList<>(largest);
            biggestFirst.sort(BY_SIZE.reversed());
            List<OccupationDelta> occupations = byOccupation.entrySet().stream()
                    .map(e -> e.getValue().occupation(e.getKey()))
                    .sorted(Comparator.comparing((OccupationDelta o) -> o.delta().abs()).reversed()).toList();
            return new Comparison(region, policy.identity(), from, to, total.claims, total.changed, total.stored,
                    total.candidate, total.candidate.subtract(total.stored), occupations, biggestFirst);
        } catch (NoPolicyException e) {
            throw Checks.invalid("candidate", "installed-valid-version", e.getMessage());
        }
    }

    /** Running totals of a comparison. */
    private static final class Tally {
        long claims;
        long changed;
        BigDecimal stored = BigDecimal.ZERO.setScale(2);
        BigDecimal candidate = BigDecimal.ZERO.setScale(2);

        void add(BigDecimal storedAmount, BigDecimal candidateAmount) {
            claims++;
            changed += storedAmount.compareTo(candidateAmount) == 0 ? 0 : 1;
            stored = stored.add(storedAmount);
            candidate = candidate.add(candidateAmount);
        }

        OccupationDelta occupation(String code) {
            return new OccupationDelta(code, claims, changed, stored, candidate, candidate.subtract(stored));
        }
    }
}
