package org.qiancheng.persistence.internal.workflow;

import static org.qiancheng.persistence.internal.workflow.AuditEventEntity.utc;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.qiancheng.persistence.NodeTx;

/**
 * Nodes and leases over the entity manager of one transaction. Leases change only through
 * conditional bulk updates: the database decides which of two racing nodes gets one (PostgreSQL
 * re-checks the condition once the row lock it waited for is free; HSQLDB's MVCC likewise).
 */
final class JpaNodes implements NodeTx {

    private final EntityManager manager;

    JpaNodes(EntityManager manager) {
        this.manager = manager;
    }

    @Override
    public void heartbeat(String node, String address, Instant startedAt, Instant at) {
        int updated = manager.createQuery("UPDATE NodeEntity n SET n.heartbeatAt = :at, n.address = :address,"
                + " n.startedAt = :started, n.stoppedAt = NULL WHERE n.id = :id").setParameter("at", utc(at))
                .setParameter("address", address).setParameter("started", utc(startedAt)).setParameter("id", node)
                .executeUpdate();
        if (updated == 0) {
            NodeEntity e = new NodeEntity();
            e.id = node;
            e.address = address;
            e.startedAt = utc(startedAt);
            e.heartbeatAt = utc(at);
            manager.persist(e);
            manager.flush();
        }
    }

    @Override
    public void stopped(String node, Instant at) {
        manager.createQuery("UPDATE NodeEntity n SET n.stoppedAt = :at WHERE n.id = :id").setParameter("at", utc(at))
                .setParameter("id", node).executeUpdate();
    }

    @Override
    public List<Node> live(Instant since) {
        return manager.createQuery("SELECT n FROM NodeEntity n WHERE n.heartbeatAt >= :since AND n.stoppedAt IS NULL"
                + " ORDER BY n.id", NodeEntity.class).setParameter("since", utc(since)).getResultList().stream()
                .map(n -> new Node(n.id, n.address, n.startedAt.toInstant(), n.heartbeatAt.toInstant(), null)).toList();
    }

    @Override
    public boolean acquire(String resource, String node, Instant now, Instant until) {
        if (renew(resource, node, until)) {
            return true;
        }
        int taken = manager.createQuery("UPDATE LeaseEntity l SET l.node = :node, l.acquiredAt = :now,"
                + " l.expiresAt = :until WHERE l.resource = :r AND l.expiresAt <= :now").setParameter("node", node)
                .setParameter("now", utc(now)).setParameter("until", utc(until)).setParameter("r", resource)
                .executeUpdate();
        if (taken > 0) {
            return true;
        }
        if (lease(resource).isPresent()) {
            return false;
        }
        // never leased: the primary key lets one of two racing nodes insert it, the other fails its transaction
        LeaseEntity e = new LeaseEntity();
        e.resource = resource;
        e.node = node;
        e.acquiredAt = utc(now);
        e.expiresAt = utc(until);
        manager.persist(e);
        manager.flush();
        return true;
    }

    @Override
    public boolean renew(String resource, String node, Instant until) {
        return manager.createQuery("UPDATE LeaseEntity l SET l.expiresAt = :until WHERE l.resource = :r"
                + " AND l.node = :node AND l.expiresAt > :now").setParameter("until", utc(until))
                .setParameter("r", resource).setParameter("node", node).setParameter("now", utc(Instant.now()))
                .executeUpdate() > 0;
    }

    @Override
    public int renewAll(String node, Instant until) {
        return manager.createQuery("UPDATE LeaseEntity l SET l.expiresAt = :until WHERE l.node = :node"
                + " AND l.expiresAt > :now").setParameter("until", utc(until)).setParameter("node", node)
                .setParameter("now", utc(Instant.now())).executeUpdate();
    }

    @Override
    public void release(String resource, String node, Instant now) {
        manager.createQuery("UPDATE LeaseEntity l SET l.expiresAt = :now WHERE l.resource = :r AND l.node = :node")
                .setParameter("now", utc(now)).setParameter("r", resource).setParameter("node", node).executeUpdate();
    }

    @Override
    public int releaseAll(String node, String prefix, Instant now) {
        return manager.createQuery("UPDATE LeaseEntity l SET l.expiresAt = :now WHERE l.node = :node"
                + " AND l.resource LIKE :prefix AND l.expiresAt > :now").setParameter("now", utc(now))
                .setParameter("node", node).setParameter("prefix", prefix + "%").executeUpdate();
    }

    @Override
    public Optional<Lease> lease(String resource) {
        return manager.createQuery("SELECT l FROM LeaseEntity l WHERE l.resource = :r", LeaseEntity.class)
                .setParameter("r", resource).getResultList().stream().findFirst().map(JpaNodes::record);
    }

    @Override
    public List<Lease> held(String node, Instant now) {
        return manager.createQuery("SELECT l FROM LeaseEntity l WHERE l.node = :node AND l.expiresAt > :now"
                + " ORDER BY l.resource", LeaseEntity.class).setParameter("node", node).setParameter("now", utc(now))
                .getResultList().stream().map(JpaNodes::record).toList();
    }

    @Override
    public List<Lease> alive(Instant now) {
        return manager.createQuery("SELECT l FROM LeaseEntity l WHERE l.expiresAt > :now ORDER BY l.resource",
                LeaseEntity.class).setParameter("now", utc(now)).getResultList().stream().map(JpaNodes::record)
                .toList();
    }

    private static Lease record(LeaseEntity e) {
        return new Lease(e.resource, e.node, e.acquiredAt.toInstant(), e.expiresAt.toInstant());
    }
}
