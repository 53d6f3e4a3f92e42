package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.qiancheng.api.workflow.PlanLine;
import org.qiancheng.api.workflow.PlanStatus;
import org.qiancheng.api.workflow.TrainingPlan;

/** A region's yearly training plan; its lines are {@link PlanLineEntity} rows. */
@Entity
// one plan per region and year, unique as an index (see DisbursementEntity: a @UniqueConstraint is
// added again at every start by create-or-extend-tables)
@Table(name = "QC_PLAN", indexes = @Index(name = "UX_QC_PLAN_REGION_YEAR", columnList = "REGION_CODE, PLAN_YEAR",
        unique = true))
public class PlanEntity implements Versioned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "REGION_CODE", nullable = false, length = 6)
    String regionCode;

    @Column(name = "PLAN_YEAR", nullable = false)
    int year;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    PlanStatus status;

    @Column(name = "CREATED_BY", nullable = false, length = 100)
    String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "PUBLISHED_ON")
    LocalDate publishedOn;

    @Column(name = "PUBLISHED_BY", length = 100)
    String publishedBy;

    @Column(name = "PUBLISHED_AT")
    OffsetDateTime publishedAt;

    @Column(name = "ADJUSTED_ON")
    LocalDate adjustedOn;

    @Column(name = "ADJUSTED_BY", length = 100)
    String adjustedBy;

    @Column(name = "ADJUSTED_AT")
    OffsetDateTime adjustedAt;

    @Column(name = "ADJUSTMENT_REASON", length = 1000)
    String adjustmentReason;

    /**
     * How often a draft's lines were replaced: the lines live in rows of their own, so this column is
     * what changes in the plan's row, moving its version (a stale If-Match then fails).
     */
    @Column(name = "LINE_CHANGES", nullable = false)
    int lineChanges;

    @Version
    @Column(name = "VERSION")
    long version;

    protected PlanEntity() {
        // for JPA; new rows come from of(…)
    }

    static PlanEntity of(String regionCode, int year, String createdBy, Instant createdAt) {
        PlanEntity e = new PlanEntity();
        e.regionCode = regionCode;
        e.year = year;
        e.status = PlanStatus.DRAFT;
        e.createdBy = createdBy;
        e.createdAt = AuditEventEntity.utc(createdAt);
        return e;
    }

    @Override
    public long version() {
        return version;
    }

    /**
     * @param current the lines in force (revision {@link PlanLineEntity#CURRENT})
     * @param original the lines as first published, kept by an adjustment (revision {@link PlanLineEntity#ORIGINAL})
     */
    TrainingPlan toRecord(List<PlanLine> current, List<PlanLine> original) {
        TrainingPlan.Publication publication = publishedOn == null ? null
                : new TrainingPlan.Publication(publishedOn, publishedBy, instant(publishedAt));
        TrainingPlan.Adjustment adjustment = adjustedOn == null ? null
                : new TrainingPlan.Adjustment(adjustedOn, adjustedBy, instant(adjustedAt), adjustmentReason, original);
        return new TrainingPlan(id, regionCode, year, status, current, createdBy, instant(createdAt), publication,
                adjustment, version);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
