package org.qiancheng.api.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.claim.PolicyIdentity;

/**
 * What a candidate policy version would change in the stored claims of a period, before it counts:
 * each claim's stored inputs decided again by the candidate and compared with the stored amount.
 *
 * @param regionCode the region whose claims were compared (those its own policy decided)
 * @param candidate the version that decided them again
 * @param from first class start date compared
 * @param to last class start date compared
 * @param claims how many stored claims were compared
 * @param changed how many of them the candidate decides to a different amount
 * @param storedTotal yuan of the stored claims
 * @param candidateTotal yuan the candidate would decide
 * @param delta candidate minus stored
 * @param byOccupation the same per occupation, largest absolute delta first
 * @param largest the claims with the largest absolute differences, with both decisions
 */
public record Comparison(String regionCode, PolicyIdentity candidate, LocalDate from, LocalDate to, long claims,
        long changed, BigDecimal storedTotal, BigDecimal candidateTotal, BigDecimal delta,
        List<OccupationDelta> byOccupation, List<Difference> largest) {

    /** Copies the lists. */
    public Comparison {
        byOccupation = List.copyOf(byOccupation);
        largest = List.copyOf(largest);
    }

    /**
     * The budget change of one occupation.
     *
     * @param occupationCode the occupation
     * @param claims claims compared
     * @param changed claims whose amount changes
     * @param storedTotal yuan stored
     * @param candidateTotal yuan the candidate would decide
     * @param delta candidate minus stored
     */
    public record OccupationDelta(String occupationCode, long claims, long changed, BigDecimal storedTotal,
            BigDecimal candidateTotal, BigDecimal delta) {
    }

    /**
     * One claim decided differently.
     *
     * @param claimId the stored claim
     * @param classId its class
     * @param stored the amount stored
     * @param candidate the amount the candidate decides
     * @param delta candidate minus stored
     * @param storedDecision the stored decision (its trace)
     * @param candidateDecision the candidate's decision (its trace)
     */
    public record Difference(long claimId, long classId, BigDecimal stored, BigDecimal candidate, BigDecimal delta,
            Decision storedDecision, Decision candidateDecision) {
    }
}
