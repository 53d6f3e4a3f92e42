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
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.workflow.PlanLine;

/**
 * One line of a plan. A plan's lines in force are its CURRENT revision; an adjustment moves the
 * published lines to the ORIGINAL revision, where they are kept unchanged, and writes new CURRENT ones.
 */
@Entity
@Table(name = "QC_PLAN_LINE", indexes = @Index(columnList = "PLAN_ID"))
public class PlanLineEntity {

    /** The lines in force. */
    static final int CURRENT = 0;
    /** The lines as first published, once the plan has been adjusted. */
    static final int ORIGINAL = 1;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "PLAN_ID", nullable = false)
    long planId;

    @Column(name = "REVISION", nullable = false)
    int revision;

    /** The line's place in the plan, from 0, as the client sent the lines. */
    @Column(name = "LINE_NO", nullable = false)
    int lineNo;

    @Column(name = "OCCUPATION_CODE", nullable = false, length = 20)
    String occupationCode;

    /** {@code null}: any level. */
    @Enumerated(EnumType.STRING)
    @Column(name = "SKILL_LEVEL", length = 30)
    SkillLevel level;

    @Column(name = "TRAINEES", nullable = false)
    int trainees;

    protected PlanLineEntity() {
        // for JPA; new rows come from of(…)
    }

    static PlanLineEntity of(long planId, int revision, int lineNo, PlanLine line) {
        PlanLineEntity e = new PlanLineEntity();
        e.planId = planId;
        e.revision = revision;
        e.lineNo = lineNo;
        e.occupationCode = line.occupationCode();
        e.level = line.level();
        e.trainees = line.trainees();
        return e;
    }

    PlanLine toRecord() {
        return new PlanLine(occupationCode, level, trainees);
    }
}
