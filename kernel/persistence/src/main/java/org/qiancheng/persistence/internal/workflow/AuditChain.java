package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.EntityManager;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.workflow.AuditCheckpoint;
import org.qiancheng.api.workflow.AuditVerification;

/**
 * The tamper-evident chain over {@code QC_AUDIT}: {@code mac(n) = HMAC-SHA256(key, mac(n-1) ‖
 * canonical(n))}, {@code mac(0)} the genesis value, with the last sequence number and MAC in the head
 * row {@code QC_AUDIT_HEAD}. Entries get their place at commit ({@link #seal}), under a lock on the head
 * row, so the chain follows commit order, has no gap when a transaction rolls back, and two
 * transactions never chain onto the same entry.
 */
final class AuditChain {

    /** Entries read per page while verifying: memory stays flat however long the chain is. */
    static final int PAGE = 1_000;

    private final AuditKey key;

    AuditChain(AuditKey key) {
        this.key = key;
    }

    /**
     * Creates the head row of an empty chain when there is none; entries written before the chain
     * existed (no sequence number) are chained then, in id order, so the whole trail verifies — the
     * chain vouches for them from that start on only.
     */
    void start(EntityManager manager) {
        if (manager.find(AuditHeadEntity.class, AuditHeadEntity.ID) != null) {
            return;
        }
        long chained = manager.createQuery("SELECT COUNT(e) FROM AuditEventEntity e WHERE e.sequence IS NOT NULL",
                Long.class).getSingleResult();
        if (chained > 0) {
            // a new head would restart the chain at 1 over entries that have those numbers: refuse to start
            throw new IllegalStateException("QC_AUDIT_HEAD is missing but QC_AUDIT holds " + chained + " chained"
                    + " entries: the head row was deleted; restore it (last SEQ and MAC of QC_AUDIT) from a backup"
                    + " after checking the trail against a checkpoint (审计链头被删除，请从备份恢复)");
        }
        AuditHeadEntity head = AuditHeadEntity.genesis();
        manager.persist(head);
        manager.flush();
        head = locked(manager);
        while (true) {
            List<AuditEventEntity> older = manager.createQuery(
                    "SELECT e FROM AuditEventEntity e WHERE e.sequence IS NULL ORDER BY e.id", AuditEventEntity.class)
                    .setMaxResults(PAGE).getResultList();
            if (older.isEmpty()) {
                return;
            }
            link(head, older);
            manager.flush();
            manager.clear();
            head = manager.find(AuditHeadEntity.class, AuditHeadEntity.ID);
        }
    }

    /**
     * Chains a transaction's entries onto the head and inserts them. Called just before commit, after
     * the transaction's other changes are written, so the head row stays locked only for these inserts.
     */
    void seal(EntityManager manager, List<AuditEventEntity> pending) {
        if (pending.isEmpty()) {
            return;
        }
        manager.flush();
        AuditHeadEntity head = locked(manager);
        link(head, pending);
        JdbcInserts.insert(manager, AuditEventEntity.class, AuditEventEntity.INSERT, pending);
    }

    /**
     * The head row, locked until commit. Locked by writing it, not with {@code SELECT … FOR UPDATE}:
     * HSQLDB's MVCC mode does not make a second {@code FOR UPDATE} wait, and a write waits for the
     * other writer's commit on HSQLDB and PostgreSQL alike; read after that, the head is the committed one.
     */
    private static AuditHeadEntity locked(EntityManager manager) {
        int rows = manager.createQuery("UPDATE AuditHeadEntity h SET h.sequence = h.sequence WHERE h.id = :id")
                .setParameter("id", AuditHeadEntity.ID).executeUpdate();
        if (rows != 1) {
            throw new IllegalStateException("the audit chain has no head row QC_AUDIT_HEAD (审计链头缺失)");
        }
        AuditHeadEntity head = manager.find(AuditHeadEntity.class, AuditHeadEntity.ID);
        manager.refresh(head);
        return head;
    }

    private void link(AuditHeadEntity head, List<AuditEventEntity> entries) {
        long sequence = head.sequence;
        byte[] previous = Hex.mac(head.mac);
        for (AuditEventEntity entry : entries) {
            entry.sequence = ++sequence;
            previous = key.chain(previous, AuditCanonical.of(entry));
            entry.mac = Hex.of(previous);
        }
        head.sequence = sequence;
        head.mac = Hex.of(previous);
    }

    /** A signed statement of the head as it is now. */
    AuditCheckpoint checkpoint(EntityManager manager, Instant now) {
        AuditHeadEntity head = head(manager);
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        return new AuditCheckpoint(head.sequence, head.mac, head.sequence, at,
                key.sign(head.sequence, head.mac, head.sequence, at));
    }

    /** Whether this platform's key signed the checkpoint. */
    boolean signed(AuditCheckpoint checkpoint) {
        return key.signed(checkpoint.sequence(), checkpoint.headMac(), checkpoint.count(), checkpoint.at(),
                checkpoint.signature());
    }

    /**
     * Recomputes the chain from the genesis value to the head, page by page in sequence order, and
     * compares it with the head row and, if given, a checkpoint.
     */
    AuditVerification verify(EntityManager manager, AuditCheckpoint checkpoint) {
        AuditHeadEntity head = head(manager);
        long last = head.sequence;
        String headMac = head.mac;
        long unchained = manager.createQuery("SELECT COUNT(e) FROM AuditEventEntity e WHERE e.sequence IS NULL",
                Long.class).getSingleResult();
        byte[] previous = AuditKey.GENESIS;
        long expected = 1;
        while (expected <= last) {
            List<AuditEventEntity> page = manager.createQuery("SELECT e FROM AuditEventEntity e WHERE e.sequence >= :from"
                    + " AND e.sequence <= :last ORDER BY e.sequence", AuditEventEntity.class)
                    .setParameter("from", expected).setParameter("last", last).setMaxResults(PAGE).getResultList();
            if (page.isEmpty()) {
                break;
            }
            for (AuditEventEntity entry : page) {
                if (entry.sequence != expected) {
                    return Broken.missing(expected);
                }
                byte[] computed = key.chain(previous, AuditCanonical.of(entry));
                byte[] stored = Hex.mac(entry.mac);
                if (stored == null || !MessageDigest.isEqual(computed, stored)) {
                    return Broken.altered(expected);
                }
                if (checkpoint != null && checkpoint.sequence() == expected
                        && !MessageDigest.isEqual(computed, Hex.mac(checkpoint.headMac()))) {
                    return Broken.notTheCheckpoint(expected);
                }
                previous = computed;
                expected++;
            }
            manager.clear();
        }
        long verified = expected - 1;
        if (verified < last) {
            return Broken.tail(verified, last);
        }
        if (!MessageDigest.isEqual(previous, Hex.mac(headMac))) {
            return Broken.head(verified);
        }
        if (checkpoint != null && checkpoint.sequence() > last) {
            return Broken.belowCheckpoint(verified, checkpoint.sequence());
        }
        long beyond = manager.createQuery("SELECT COUNT(e) FROM AuditEventEntity e WHERE e.sequence > :last",
                Long.class).setParameter("last", last).getSingleResult();
        // entries committed since the head was read are beyond it too: only those the head still does not cover count
        if (beyond > 0 && head(manager).sequence == last) {
            return Broken.beyondHead(verified, last);
        }
        if (unchained > 0) {
            return AuditVerification.broken(verified, null, new LocalizedText(
                    unchained + " 条审计记录没有序号：不是本平台写入的",
                    unchained + " audit entries have no sequence number: the platform did not write them"));
        }
        return AuditVerification.intact(verified);
    }

    private static AuditHeadEntity head(EntityManager manager) {
        AuditHeadEntity head = manager.find(AuditHeadEntity.class, AuditHeadEntity.ID);
        if (head == null) {
            throw new IllegalStateException("the audit chain has no head row QC_AUDIT_HEAD (审计链头缺失)");
        }
        return head;
    }

    /** The reasons a chain is broken, in both languages. */
    private static final class Broken {

        static AuditVerification missing(long sequence) {
            return AuditVerification.broken(sequence - 1, sequence, new LocalizedText(
                    "第 " + sequence + " 条审计记录缺失（被删除）",
                    "entry " + sequence + " is missing (deleted)"));
        }

        static AuditVerification altered(long sequence) {
            return AuditVerification.broken(sequence - 1, sequence, new LocalizedText(
                    "第 " + sequence + " 条审计记录的 MAC 不符：记录被修改、调换，或以其他密钥计算",
                    "entry " + sequence + " does not match its MAC: it was altered or moved, or its MAC was"
                            + " computed with another key"));
        }

        static AuditVerification notTheCheckpoint(long sequence) {
            return AuditVerification.broken(sequence - 1, sequence, new LocalizedText(
                    "第 " + sequence + " 条审计记录与检查点不同：检查点之后链被重写",
                    "entry " + sequence + " differs from the checkpoint: the chain was rewritten since"));
        }

        static AuditVerification tail(long verified, long head) {
            return AuditVerification.broken(verified, verified + 1, new LocalizedText(
                    "链头记载 " + head + " 条审计记录，第 " + (verified + 1) + " 条起缺失（末尾被删除）",
                    "the head says " + head + " entries, entries from " + (verified + 1)
                            + " on are missing (the tail was deleted)"));
        }

        static AuditVerification head(long verified) {
            return AuditVerification.broken(verified, verified, new LocalizedText(
                    "链头的 MAC 与第 " + verified + " 条审计记录不符：链头被修改",
                    "the head's MAC does not match entry " + verified + ": the head row was altered"));
        }

        static AuditVerification belowCheckpoint(long verified, long checkpoint) {
            return AuditVerification.broken(verified, verified + 1, new LocalizedText(
                    "检查点记载 " + checkpoint + " 条审计记录，现只有 " + verified + " 条（末尾连同链头被删除）",
                    "the checkpoint says " + checkpoint + " entries, the chain now ends at " + verified
                            + " (the tail was deleted together with the head)"));
        }

        static AuditVerification beyondHead(long verified, long head) {
            return AuditVerification.broken(verified, head + 1, new LocalizedText(
                    "存在序号大于链头（" + head + "）的审计记录：不是本平台写入的",
                    "there are entries beyond the head (" + head + "): the platform did not write them"));
        }
    }
}
