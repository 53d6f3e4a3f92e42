package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.qiancheng.api.claim.Decision;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.ClaimStatus;
import org.qiancheng.api.workflow.TrainingClass;

/**
 * A stored claim. The whole decision is kept for reproduction [K5], compressed against its policy
 * version's dictionary ({@link DecisionCodec}); rows written before that keep it as plain JSON. The
 * columns beside it are what queries need (caps over earlier subsidies, freezing by institution, lists).
 */
@Entity
@Table(name = "QC_CLAIM", indexes = {@Index(columnList = "CLASS_ID"), @Index(columnList = "TRAINEE_ID"),
    @Index(columnList = "INSTITUTION_ID"),
    @Index(name = ClaimKey.INDEX, columnList = "ENROLMENT_ID, SUPPLEMENT", unique = true)})
public class ClaimEntity implements Versioned, JdbcInserts.Row {

    /** The insert of a new claim, its columns in {@link #bind}'s order ({@link JdbcInserts}). */
    static final String INSERT = "INSERT INTO QC_CLAIM (ID, CLASS_ID, ENROLMENT_ID, SUPPLEMENT, TOPUP_OF, TRAINEE_ID,"
            + " INSTITUTION_ID, STATUS, AMOUNT, REGION_CODE, OCCUPATION_CODE, SKILL_LEVEL, CLASS_START, DECISION_JSON,"
            + " DECISION_DATA, FINDINGS, COMPUTED_BY, REVIEWED_BY, REVIEW_NOTE, VERSION)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "QC_CLAIM")
    @TableGenerator(name = "QC_CLAIM", table = RowIds.TABLE, pkColumnName = RowIds.NAME, valueColumnName = RowIds.NEXT,
            pkColumnValue = "QC_CLAIM", allocationSize = RowIds.BLOCK)
    Long id;

    @Column(name = "CLASS_ID", nullable = false)
    long classId;

    @Column(name = "ENROLMENT_ID", nullable = false)
    long enrolmentId;

    /**
     * 0 for an enrolment's claim, 1 for its top-up: with the enrolment, the key that lets neither be
     * stored twice. Nullable only because rows older than top-ups get their 0 from {@link ClaimKey}.
     */
    @Column(name = "SUPPLEMENT")
    Integer supplement;

    /** The claim a top-up tops up; {@code null} for an original. */
    @Column(name = "TOPUP_OF")
    Long topUpOf;

    @Column(name = "TRAINEE_ID", nullable = false)
    long traineeId;

    @Column(name = "INSTITUTION_ID", nullable = false)
    long institutionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    ClaimStatus status;

    @Column(name = "AMOUNT", nullable = false, precision = 14, scale = 2)
    BigDecimal amount;

    @Column(name = "REGION_CODE", nullable = false, length = 6)
    String regionCode;

    @Column(name = "OCCUPATION_CODE", nullable = false, length = 20)
    String occupationCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "SKILL_LEVEL", nullable = false, length = 30)
    SkillLevel level;

    @Column(name = "CLASS_START", nullable = false)
    LocalDate classStart;

    /** The decision as JSON, in rows written before {@link #stored}; {@code null} in newer rows. */
    @Lob
    @Column(name = "DECISION_JSON")
    String decision;

    /** The decision in {@link DecisionCodec}'s form; {@code null} in older rows. */
    @Lob
    @Column(name = "DECISION_DATA")
    byte[] stored;

    /** The kernel's findings, one per line. */
    @Column(name = "FINDINGS", length = 2000)
    String findings;

    /** Who computed it; {@code null} in rows older than the accounts. */
    @Column(name = "COMPUTED_BY", length = 100)
    String computedBy;

    @Column(name = "REVIEWED_BY", length = 100)
    String reviewedBy;

    @Column(name = "REVIEW_NOTE", length = 1000)
    String reviewNote;

    @Version
    @Column(name = "VERSION")
    long version;

    protected ClaimEntity() {
        // for JPA; new rows come from of(…)
    }

    /** A claim whose decision is stored as {@code stored}, its {@link DecisionCodec} form. */
    static ClaimEntity of(TrainingClass trainingClass, long enrolmentId, long traineeId, ClaimStatus status,
            Decision decision, List<String> findings, byte[] stored) {
        ClaimEntity e = new ClaimEntity();
        e.classId = trainingClass.id();
        e.enrolmentId = enrolmentId;
        e.traineeId = traineeId;
        e.institutionId = trainingClass.institutionId();
        e.status = status;
        e.amount = decision.amount();
        e.regionCode = decision.policy().regionCode();
        e.occupationCode = trainingClass.facts().occupationCode();
        e.level = trainingClass.facts().level();
        e.classStart = trainingClass.facts().startDate();
        e.stored = stored;
        e.findings = String.join("\n", findings);
        e.supplement = ClaimKey.ORIGINAL;
        return e;
    }

    /** A top-up of an original claim: its own decision, and the difference it makes as its amount. */
    static ClaimEntity topUp(TrainingClass trainingClass, Claim original, ClaimStatus status, Decision decision,
            BigDecimal amount, List<String> findings, byte[] stored) {
        ClaimEntity e = of(trainingClass, original.enrolmentId(), original.traineeId(), status, decision, findings,
                stored);
        e.amount = amount;
        e.supplement = ClaimKey.TOP_UP;
        e.topUpOf = original.id();
        return e;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public void id(long id) {
        this.id = id;
        // what EclipseLink writes into a new row's version column
        this.version = 1;
    }

    @Override
    public void bind(PreparedStatement insert) throws SQLException {
        insert.setLong(1, id);
        insert.setLong(2, classId);
        insert.setLong(3, enrolmentId);
        insert.setInt(4, supplement);
        JdbcInserts.nullable(insert, 5, topUpOf, Types.BIGINT);
        insert.setLong(6, traineeId);
        insert.setLong(7, institutionId);
        insert.setString(8, status.name());
        insert.setBigDecimal(9, amount);
        insert.setString(10, regionCode);
        insert.setString(11, occupationCode);
        insert.setString(12, level.name());
        insert.setObject(13, classStart);
        JdbcInserts.nullable(insert, 14, decision, Types.VARCHAR);
        JdbcInserts.nullable(insert, 15, stored, Types.VARBINARY);
        insert.setString(16, findings);
        JdbcInserts.nullable(insert, 17, computedBy, Types.VARCHAR);
        JdbcInserts.nullable(insert, 18, reviewedBy, Types.VARCHAR);
        JdbcInserts.nullable(insert, 19, reviewNote, Types.VARCHAR);
        insert.setLong(20, version);
    }

    /** The record, with what its payments add up to. */
    Claim toRecord(DecisionCodec codec, BigDecimal paid) {
        return toRecord(decision(codec), paid);
    }

    /** The stored decision, in whichever form its row has it. */
    Decision decision(DecisionCodec codec) {
        return stored != null ? codec.decode(stored) : DecisionJson.read(decision);
    }

    /** The record with the decision already at hand, sparing a parse of the stored JSON. */
    Claim toRecord(Decision known, BigDecimal paid) {
        List<String> found = findings == null || findings.isEmpty() ? List.of() : Arrays.asList(findings.split("\n"));
        return new Claim(id, classId, enrolmentId, traineeId, status, amount, paid, known, found, reviewNote,
                topUpOf, version);
    }
}
