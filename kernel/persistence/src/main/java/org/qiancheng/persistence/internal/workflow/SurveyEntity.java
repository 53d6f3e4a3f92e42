package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.qiancheng.api.workflow.Survey;

/** A class's satisfaction survey: one row per class, replaced while the class has no claim. */
@Entity
@Table(name = "QC_SURVEY")
public class SurveyEntity {

    @Id
    @Column(name = "CLASS_ID")
    Long classId;

    @Column(name = "RESPONDENTS", nullable = false)
    int respondents;

    @Column(name = "SATISFIED", nullable = false)
    int satisfied;

    @Column(name = "SURVEYED_ON", nullable = false)
    LocalDate surveyedOn;

    @Column(name = "RECORDED_BY", nullable = false, length = 100)
    String recordedBy;

    @Column(name = "RECORDED_AT", nullable = false)
    OffsetDateTime recordedAt;

    void set(Survey survey) {
        classId = survey.classId();
        respondents = survey.respondents();
        satisfied = survey.satisfied();
        surveyedOn = survey.surveyedOn();
        recordedBy = survey.recordedBy();
        recordedAt = survey.recordedAt().atOffset(ZoneOffset.UTC);
    }

    Survey toRecord() {
        return new Survey(classId, respondents, satisfied, surveyedOn, recordedBy, recordedAt.toInstant());
    }
}
