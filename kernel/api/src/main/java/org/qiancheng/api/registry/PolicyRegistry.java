package org.qiancheng.api.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Every installed policy version, and which one decides what. Provided by the kernel.
 *
 * <p>Routing: a request for a region and a class start date goes to the operator's pinned version
 * of that region if there is one; otherwise to the active version whose effective period covers
 * the date, preferring the latest period start and then the highest version. A valid version is
 * active when it arrives unless another version of its region starts on the same day (then it is
 * a revision on STANDBY until an operator activates it); activations and rollbacks are stored.
 */
@ProviderType
public interface PolicyRegistry {

    /** @return the regions with at least one installed version, by code, each with its versions */
    List<RegionSummary> regions();

    /** @return every installed version with its status, by region then version */
    List<PolicyVersion> versions();

    /**
     * One installed version of a region, with its status.
     *
     * @param regionCode GB/T 2260 code
     * @param version the version
     * @return the version, or empty when it is not installed
     * @since 1.2
     */
    Optional<PolicyVersion> version(String regionCode, String version);

    /** @return overlaps and gaps between the valid versions of each region */
    List<RoutingIssue> issues();

    /**
     * Takes the version that decides a class of a region starting on a day.
     *
     * @param regionCode GB/T 2260 code
     * @param classStart the class's start date
     * @return a snapshot to close after use
     * @throws NoPolicyException when no valid version decides that day
     */
    PolicySnapshot acquire(String regionCode, LocalDate classStart);

    /**
     * Takes a named version, whatever its period (for previews and comparisons).
     *
     * @param regionCode GB/T 2260 code
     * @param version the version
     * @return a snapshot to close after use
     * @throws NoPolicyException when that version is not installed or is refused
     */
    PolicySnapshot acquire(String regionCode, String version);

    /**
     * Makes one version decide every date of its region until unpinned.
     *
     * @param regionCode GB/T 2260 code
     * @param version an installed valid version
     * @throws NoPolicyException when that version is not installed or is refused
     */
    void pin(String regionCode, String version);

    /**
     * Returns a region to routing by date.
     *
     * @param regionCode GB/T 2260 code
     */
    void unpin(String regionCode);

    /**
     * Puts a version in force for its whole period at once: the active versions of its region that
     * start on the same day (other texts of the same notice) are RETIRED; later-starting versions keep
     * their dates. Stored, so it survives a restart.
     * Requests already holding a snapshot finish with the version they started with.
     *
     * @param regionCode GB/T 2260 code
     * @param version an installed valid version, not active yet
     * @param actor the operator
     * @param reason why, for the history
     * @return the stored decision
     * @throws NoPolicyException when that version is not installed or is refused
     * @throws ActivationException when it is active already or the decision cannot be stored
     */
    Activation activate(String regionCode, String version, String actor, String reason);

    /**
     * Undoes the latest activation of a region still in effect: the version it activated goes back
     * to STANDBY and the versions it retired are in force again, at once. Stored.
     *
     * @param regionCode GB/T 2260 code
     * @param actor the operator
     * @param reason why, for the history
     * @return the stored decision
     * @throws ActivationException when there is nothing to roll back or it cannot be stored
     */
    Activation rollback(String regionCode, String actor, String reason);

    /**
     * @param regionCode GB/T 2260 code
     * @return the operators' decisions about the region, oldest first
     */
    List<Activation> activations(String regionCode);

    /**
     * {@link #pin(String, String)} made at the region's decision sequence {@code expectedSequence}.
     *
     * @param expectedSequence the sequence the operator read ({@link Activation#sequence()} of the region's
     *     latest decision, 0 when none); {@code null}: the sequence as this node knows it now
     * @throws StaleDecisionException when the region has moved past it
     * @since 1.5
     */
    void pin(String regionCode, String version, Long expectedSequence);

    /**
     * {@link #unpin(String)} made at the region's decision sequence {@code expectedSequence}.
     *
     * @throws StaleDecisionException when the region has moved past it
     * @since 1.5
     */
    void unpin(String regionCode, Long expectedSequence);

    /**
     * {@link #rollback(String, String, String)} made at the region's decision sequence {@code expectedSequence}.
     *
     * @throws StaleDecisionException when the region has moved past it
     * @since 1.5
     */
    Activation rollback(String regionCode, String actor, String reason, Long expectedSequence);

    /**
     * @param regionCode GB/T 2260 code
     * @return the region's decision sequence as this node knows it ({@link Activation#sequence()} of its latest
     *     decision, 0 when none); other nodes' decisions arrive within seconds
     * @since 1.5
     */
    long sequence(String regionCode);
}
