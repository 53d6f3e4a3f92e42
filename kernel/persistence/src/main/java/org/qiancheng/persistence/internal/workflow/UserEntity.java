package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Index;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.qiancheng.api.security.Role;
import org.qiancheng.api.security.User;
import org.qiancheng.persistence.AccountTx.PasswordHash;

/**
 * A user account. Roles and regions are short lists kept as comma-separated columns: they are read
 * with the user and never queried on their own. The password is stored as algorithm, work factor,
 * salt and derived key, so that the work factor can rise later.
 */
@Entity
// unique as an index: create-or-extend-tables adds a @UniqueConstraint again at every start
@Table(name = "QC_USER", indexes = @Index(columnList = "USERNAME", unique = true))
public class UserEntity implements Versioned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "USERNAME", nullable = false, length = 64)
    String username;

    @Column(name = "ROLES", nullable = false, length = 200)
    String roles;

    @Column(name = "REGIONS", nullable = false, length = 2000)
    String regions;

    @Column(name = "PASSWORD_ALGORITHM", nullable = false, length = 40)
    String passwordAlgorithm;

    @Column(name = "PASSWORD_ITERATIONS", nullable = false)
    int passwordIterations;

    @Column(name = "PASSWORD_SALT", nullable = false, length = 64)
    String passwordSalt;

    @Column(name = "PASSWORD_HASH", nullable = false, length = 128)
    String passwordHash;

    /** {@code TRUE} for a service account; {@code null} for a person. */
    @Column(name = "SERVICE_ACCOUNT")
    Boolean serviceAccount;

    /**
     * The console's language, {@code zh} or {@code en}; {@code null} until chosen (Chinese). Nullable so that a home
     * made before it existed gets the column added with no value to invent for its users.
     */
    @Column(name = "UI_LANGUAGE", length = 2)
    String language;

    @Column(name = "MUST_CHANGE_PASSWORD", nullable = false)
    boolean mustChangePassword;

    @Column(name = "DISABLED", nullable = false)
    boolean disabled;

    @Column(name = "CREATED_AT", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "PASSWORD_CHANGED_AT", nullable = false)
    OffsetDateTime passwordChangedAt;

    @Version
    @Column(name = "VERSION")
    long version;

    protected UserEntity() {
        // for JPA; new rows come from of(…)
    }

    static UserEntity of(String username, PasswordHash password, Set<Role> roles, List<String> regions,
            boolean mustChangePassword, java.time.Instant at) {
        UserEntity e = new UserEntity();
        e.username = username;
        e.roles(roles);
        e.regions(regions);
        e.password(password, at);
        e.mustChangePassword = mustChangePassword;
        e.createdAt = at.atOffset(ZoneOffset.UTC);
        return e;
    }

    void roles(Set<Role> roles) {
        this.roles = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    void regions(List<String> regions) {
        this.regions = String.join(",", regions);
    }

    void password(PasswordHash password, java.time.Instant at) {
        Base64.Encoder base64 = Base64.getEncoder();
        passwordAlgorithm = password.algorithm();
        passwordIterations = password.iterations();
        passwordSalt = base64.encodeToString(password.salt());
        passwordHash = base64.encodeToString(password.hash());
        passwordChangedAt = at.atOffset(ZoneOffset.UTC);
    }

    PasswordHash password() {
        Base64.Decoder base64 = Base64.getDecoder();
        return new PasswordHash(passwordAlgorithm, passwordIterations, base64.decode(passwordSalt),
                base64.decode(passwordHash));
    }

    @Override
    public long version() {
        return version;
    }

    User toRecord() {
        Set<Role> held = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(r -> !r.isEmpty()).map(Role::valueOf).forEach(held::add);
        List<String> codes = Arrays.stream(regions.split(",")).filter(r -> !r.isEmpty()).toList();
        return new User(id, username, held, codes, mustChangePassword, disabled, null, createdAt.toInstant(),
                passwordChangedAt.toInstant(), version);
    }
}
