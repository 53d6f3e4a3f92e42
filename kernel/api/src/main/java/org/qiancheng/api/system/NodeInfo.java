package org.qiancheng.api.system;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One platform process on the shared database, as its heartbeats say.
 *
 * @param id the node's id
 * @param address where it says it serves HTTP ({@code host:port}), for operators
 * @param startedAt when the process started
 * @param lastHeartbeat its latest heartbeat (real time of that node)
 * @param leases the leases it holds, as resource names (e.g. {@code settlement:42})
 * @param self whether it is the node that answered
 * @since 1.1
 */
public record NodeInfo(String id, String address, Instant startedAt, Instant lastHeartbeat, List<String> leases,
        boolean self) {

    /** Requires id and times; copies the list. */
    public NodeInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
        leases = List.copyOf(leases);
    }
}
