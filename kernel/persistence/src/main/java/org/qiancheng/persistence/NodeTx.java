package org.qiancheng.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's nodes and their leases, inside the transaction of the {@link WorkflowTx} that gave
 * them. A lease names the one node doing a piece of work (a resource such as {@code settlement:42})
 * until it expires; the node's heartbeat keeps it alive. Times are the nodes' real time (keep their
 * clocks synchronised, e.g. NTP: a skew must stay well under the lease time).
 *
 * @since 0.11
 */
@ProviderType
public interface NodeTx {

    /** A node as its heartbeats left it. */
    record Node(String id, String address, Instant startedAt, Instant heartbeatAt, Instant stoppedAt) {
    }

    /** A lease of a resource by a node until a time. */
    record Lease(String resource, String node, Instant acquiredAt, Instant expiresAt) {

        /** @return whether it is still in force at {@code now} */
        public boolean aliveAt(Instant now) {
            return expiresAt.isAfter(now);
        }
    }

    /** Records a node's heartbeat, creating its row at its first; {@code stoppedAt} is cleared. */
    void heartbeat(String node, String address, Instant startedAt, Instant at);

    /** Records a node's clean stop. */
    void stopped(String node, Instant at);

    /** @return the nodes whose latest heartbeat is at or after {@code since} and that have not stopped */
    List<Node> live(Instant since);

    /**
     * Takes a lease for {@code node} until {@code until}: when nobody holds it, when it expired before
     * {@code now}, or when the node holds it already. A conditional update: of two nodes taking an
     * expired lease at once, one gets it.
     *
     * @return whether {@code node} holds the lease now
     */
    boolean acquire(String resource, String node, Instant now, Instant until);

    /**
     * Extends a lease the node holds; in a transaction that does the leased work, this is its fence:
     * the row stays locked to the commit, so nobody takes the lease over in between.
     *
     * @return false when the node no longer holds it (it expired and another node took it)
     */
    boolean renew(String resource, String node, Instant until);

    /** Extends every lease the node holds (its heartbeat); returns how many. */
    int renewAll(String node, Instant until);

    /** Ends a lease the node holds (expires it now), so another node may take it at once. */
    void release(String resource, String node, Instant now);

    /** Ends every lease of the node whose resource starts with {@code prefix}; returns how many. */
    int releaseAll(String node, String prefix, Instant now);

    /** @return the lease of a resource, alive or expired, if there ever was one */
    Optional<Lease> lease(String resource);

    /** @return the leases held by {@code node} that are alive at {@code now}, by resource */
    List<Lease> held(String node, Instant now);

    /** @return every lease alive at {@code now}, by resource */
    List<Lease> alive(Instant now);
}
