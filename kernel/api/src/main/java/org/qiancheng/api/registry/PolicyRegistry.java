package org.qiancheng.api.registry;

import java.time.LocalDate;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Every installed policy version, and which one decides what. Provided by the kernel.
 *
 * <p>Routing: a request for a region and a class start date goes to the operator's pinned version
 * of that region if there is one; otherwise to the valid version whose effective period covers the
 * date, preferring the latest period start and then the highest version.
 */
@ProviderType
public interface PolicyRegistry {

    /** @return the regions with at least one installed version, by code, each with its versions */
    List<RegionSummary> regions();

    /** @return every installed version with its status, by region then version */
    List<PolicyVersion> versions();

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
}
