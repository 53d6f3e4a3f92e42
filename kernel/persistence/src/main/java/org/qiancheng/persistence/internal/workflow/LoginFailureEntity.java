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
import org.qiancheng.persistence.AccountTx.Failure;

/**
 * A failed login of a username (existing or not, so that a lockout does not tell which) from a
 * source address; the lockout is computed from these rows.
 */
@Entity
@Table(name = "QC_LOGIN_FAILURE", indexes = @Index(columnList = "USERNAME, SOURCE_ADDRESS"))
public class LoginFailureEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "USERNAME", nullable = false, length = 64)
    String username;

    @Column(name = "SOURCE_ADDRESS", nullable = false, length = 100)
    String source;

    @Column(name = "FAILED_AT", nullable = false)
    OffsetDateTime at;

    protected LoginFailureEntity() {
        // for JPA; new rows come from of(…)
    }

    static LoginFailureEntity of(String username, String source, Instant at) {
        LoginFailureEntity e = new LoginFailureEntity();
        e.username = username;
        e.source = source;
        e.at = SessionEntity.utc(at);
        return e;
    }

    Failure toRecord() {
        return new Failure(source, at.toInstant());
    }
}
