package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.eclipse.persistence.annotations.Cache;
import org.eclipse.persistence.config.CacheIsolationType;
import org.qiancheng.api.workflow.AuditEvent;

/**
 * An audit entry; only ever inserted, and only at commit, with its place in the chain ({@link AuditChain}).
 * Not in the shared cache: verification must read what the database holds, not what this node wrote.
 */
@Entity
@Table(name = "QC_AUDIT", indexes = @Index(columnList = "ENTITY_KIND, ENTITY_ID"))
@Cache(isolation = CacheIsolationType.ISOLATED)
public class AuditEventEntity implements JdbcInserts.Row {

    /** The insert of a chained entry, its columns in {@link #bind}'s order ({@link JdbcInserts}). */
    static final String INSERT = "INSERT INTO QC_AUDIT (ID, OCCURRED_AT, ACTOR, ACTION_NAME, ENTITY_KIND, ENTITY_ID,"
            + " BEFORE_JSON, AFTER_JSON, SEQ, MAC) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "QC_AUDIT")
    @TableGenerator(name = "QC_AUDIT", table = RowIds.TABLE, pkColumnName = RowIds.NAME, valueColumnName = RowIds.NEXT,
            pkColumnValue = "QC_AUDIT", allocationSize = RowIds.BLOCK)
    Long id;

    @Column(name = "OCCURRED_AT", nullable = false)
    OffsetDateTime at;

    @Column(name = "ACTOR", nullable = false, length = 100)
    String actor;

    @Column(name = "ACTION_NAME", nullable = false, length = 60)
    String action;

    @Column(name = "ENTITY_KIND", nullable = false, length = 30)
    String entity;

    @Column(name = "ENTITY_ID", nullable = false)
    long entityId;

    @Lob
    @Column(name = "BEFORE_JSON")
    String before;

    @Lob
    @Column(name = "AFTER_JSON")
    String after;

    /** 1, 2, 3… in commit order; {@code null} only for a row the platform did not write. */
    @Column(name = "SEQ", unique = true)
    Long sequence;

    /** HMAC-SHA256 of the previous entry's MAC and this entry's canonical form, in hexadecimal. */
    @Column(name = "MAC", length = 64)
    String mac;

    protected AuditEventEntity() {
        // for JPA; new rows come from of(…)
    }

    static AuditEventEntity of(java.time.Instant at, String actor, String action, String entity, long entityId,
            Object before, Object after) {
        AuditEventEntity e = new AuditEventEntity();
        // the chain covers the instant as the database keeps it: PostgreSQL and HSQLDB keep microseconds
        e.at = utc(at.truncatedTo(ChronoUnit.MICROS));
        e.actor = actor;
        e.action = action;
        e.entity = entity;
        e.entityId = entityId;
        e.before = AuditJson.write(before);
        e.after = AuditJson.write(after);
        return e;
    }

    @Override
    public void id(long id) {
        this.id = id;
    }

    @Override
    public void bind(PreparedStatement insert) throws SQLException {
        insert.setLong(1, id);
        // as the entity manager binds it, a time stamp of the JVM's zone, in which it reads it back too
        insert.setTimestamp(2, Timestamp.from(at.toInstant()));
        insert.setString(3, actor);
        insert.setString(4, action);
        insert.setString(5, entity);
        insert.setLong(6, entityId);
        JdbcInserts.nullable(insert, 7, before, Types.VARCHAR);
        JdbcInserts.nullable(insert, 8, after, Types.VARCHAR);
        insert.setLong(9, sequence);
        insert.setString(10, mac);
    }

    AuditEvent toRecord() {
        return new AuditEvent(id, sequence == null ? 0 : sequence, at.toInstant(), actor, action, entity, entityId, before, after);
    }

    static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
