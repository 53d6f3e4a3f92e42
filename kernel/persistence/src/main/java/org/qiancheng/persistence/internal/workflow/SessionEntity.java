package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.qiancheng.persistence.AccountTx.StoredSession;

/** A login session: only the SHA-256 of its token and of its CSRF token are stored. */
@Entity
// unique as an index: create-or-extend-tables adds a @UniqueConstraint again at every start
@Table(name = "QC_SESSION", indexes = {@Index(columnList = "TOKEN_HASH", unique = true), @Index(columnList = "USER_ID")})
public class SessionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "TOKEN_HASH", nullable = false, length = 64)
    String tokenHash;

    @Column(name = "CSRF_HASH", nullable = false, length = 64)
    String csrfHash;

    @Column(name = "USER_ID", nullable = false)
    long userId;

    @Column(name = "SOURCE_ADDRESS", length = 100)
    String source;

    @Column(name = "CREATED_AT", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "LAST_SEEN_AT", nullable = false)
    OffsetDateTime lastSeenAt;

    @Column(name = "ABSOLUTE_END", nullable = false)
    OffsetDateTime absoluteEnd;

    /** {@code TRUE} for a service account's long-lived token; {@code null} for a login's session. */
    @Column(name = "SERVICE_TOKEN")
    Boolean serviceToken;

    @Column(name = "REVOKED_AT")
    OffsetDateTime revokedAt;

    protected SessionEntity() {
        // for JPA; new rows come from of(…)
    }

    static SessionEntity of(long userId, String tokenHash, String csrfHash, Instant at, Instant absoluteEnd,
            String source) {
        SessionEntity e = new SessionEntity();
        e.userId = userId;
        e.tokenHash = tokenHash;
        e.csrfHash = csrfHash;
        e.createdAt = utc(at);
        e.lastSeenAt = utc(at);
        e.absoluteEnd = utc(absoluteEnd);
        e.source = source;
        return e;
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    StoredSession toRecord() {
        return new StoredSession(id, userId, csrfHash, createdAt.toInstant(), lastSeenAt.toInstant(),
                absoluteEnd.toInstant(), revokedAt == null ? null : revokedAt.toInstant(),
                Boolean.TRUE.equals(serviceToken));
    }
}
