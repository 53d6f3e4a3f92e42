/**
 * The training workflow the kernel runs for every region, one provider-type service per
 * aggregate: {@link org.qiancheng.api.workflow.Directory} (institutions, projects),
 * {@link org.qiancheng.api.workflow.Classes} (class filing), {@link org.qiancheng.api.workflow.Trainees}
 * (real-name trainees), {@link org.qiancheng.api.workflow.Enrolments} (enrolments, attendance,
 * outcomes), {@link org.qiancheng.api.workflow.Claims} (claims, review, payments),
 * {@link org.qiancheng.api.workflow.Settlements} (monthly settlements),
 * {@link org.qiancheng.api.workflow.TrainingPlans} (yearly training plans),
 * {@link org.qiancheng.api.workflow.Comparisons} and {@link org.qiancheng.api.workflow.AuditTrail},
 * with the kernel-wide rules K1–K6 of {@code DOMAIN.md}.
 * <p>
 * Incubating (0.x): the shapes may still change before 1.0, and a 0.x minor version may break
 * callers. 0.3.0 split the single {@code Workflow} service of 0.2.0 into the services above (same
 * methods, same behaviour). 0.5.0 gave {@link org.qiancheng.api.workflow.Claim} its payment state
 * ({@link org.qiancheng.api.workflow.PaymentState}, {@code paid}, {@code outstanding}: new record
 * components, so a new canonical constructor) and {@link org.qiancheng.api.workflow.Claims#claims}
 * a payment-state filter. 0.6.0 made the audit trail tamper-evident: {@link org.qiancheng.api.workflow.AuditEvent}
 * has its {@code sequence} (a new component, so a new canonical constructor), and
 * {@link org.qiancheng.api.workflow.AuditTrail} verifies the chain and signs checkpoints
 * ({@link org.qiancheng.api.workflow.AuditVerification}, {@link org.qiancheng.api.workflow.AuditCheckpoint}).
 * 0.7.0 added the review queue's filter and summary ({@link org.qiancheng.api.workflow.ClaimFilter},
 * {@link org.qiancheng.api.workflow.ClaimSummary}), batch review ({@link org.qiancheng.api.workflow.BatchReview})
 * and the data of the roster and payment list ({@link org.qiancheng.api.workflow.RosterLine},
 * {@link org.qiancheng.api.workflow.PaidInstalment}). 0.8.0 added the class's satisfaction survey
 * ({@link org.qiancheng.api.workflow.Survey}, {@link org.qiancheng.api.workflow.Classes#recordSurvey}) and
 * outcome-linked top-ups: later employment evidence ({@link org.qiancheng.api.workflow.Enrolments#recordEmployment},
 * {@link org.qiancheng.api.workflow.Enrolment#employmentRecordedOn()}) and the top-up claims it makes due
 * ({@link org.qiancheng.api.workflow.Claim#topUpOf()}); both records have new components, and their earlier
 * canonical constructors stay as constructors; and the yearly training plans driven by the demand
 * catalogue ({@link org.qiancheng.api.workflow.TrainingPlans}, {@link org.qiancheng.api.workflow.TrainingPlan},
 * {@link org.qiancheng.api.workflow.PlanProgress}). The package is not in the published API baseline (api-0.1.0), so
 * bnd-baseline reports it as added, not as changed.
 */
@Export
@Version("0.8.0")
package org.qiancheng.api.workflow;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
