package org.qiancheng.core.internal.workflow;

import static org.qiancheng.core.internal.workflow.Checks.invalid;
import static org.qiancheng.core.internal.workflow.Checks.required;

import java.time.Clock;
import java.time.LocalDate;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.workflow.Drafts.ClassDraft;
import org.qiancheng.api.workflow.Drafts.InstitutionDraft;
import org.qiancheng.api.workflow.Drafts.ProjectDraft;
import org.qiancheng.api.workflow.Institution;
import org.qiancheng.api.workflow.InstitutionStatus;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.Project;
import org.qiancheng.api.workflow.TrainingClass;
import org.qiancheng.api.workflow.WorkflowException.Kind;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.WorkflowStore;

/** Institutions, projects and class filing, with K1 and K4 and the catalogue checks. */
final class Directory {

    private final WorkflowStore store;
    private final PolicyRegistry registry;
    private final Clock clock;
    private final Audit audit;

    Directory(WorkflowStore store, PolicyRegistry registry, Clock clock, Audit audit) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
        this.audit = audit;
    }

    Institution createInstitution(InstitutionDraft draft) {
        String name = Checks.text("name", draft.name(), 200);
        String region = Checks.region("regionCode", draft.regionCode());
        InstitutionStatus status = draft.status() == null ? InstitutionStatus.LISTED : draft.status();
        String grade = Checks.optionalText("creditGrade", draft.creditGrade(), 10);
        return store.transaction(tx -> {
            Institution created = tx.institutions().insert(name, region, status, grade);
            return audit.created(tx, "institution", created.id(), created);
        });
    }

    Institution institution(long id) {
        return store.transaction(tx -> tx.institutions().find(id)).orElseThrow(() -> Checks.notFound("institution", id));
    }

    Page<Institution> institutions(String region, InstitutionStatus status, int offset, int limit) {
        Checks.page(offset, limit);
        return store.transaction(tx -> tx.institutions().list(region, status, offset, limit));
    }

    Institution changeStatus(long id, InstitutionStatus status, long expectedVersion) {
        required("status", status);
        return store.transaction(tx -> {
            Institution before = tx.institutions().find(id).orElseThrow(() -> Checks.notFound("institution", id));
            Institution changed = audit.changed(tx, "status-changed", "institution", id, before,
                    tx.institutions().changeStatus(id, status, expectedVersion));
            if (status == InstitutionStatus.BLACKLISTED) {
                int frozen = tx.claims().freezeOpen(id);
                audit.changed(tx, "claims-frozen", "institution", id, null, java.util.Map.of("frozenClaims", frozen));
            }
            return changed;
        });
    }

    Project createProject(ProjectDraft draft) {
        String region = Checks.region("regionCode", draft.regionCode());
        String name = Checks.text("name", draft.name(), 200);
        String occupation = Checks.text("occupationCode", draft.occupationCode(), 20);
        required("level", draft.level());
        int headcount = Checks.atLeast("headcount", draft.headcount(), 1);
        LocalDate today = LocalDate.now(clock);
        Catalog catalog = InForce.withPolicy(registry, "regionCode", region, today, policy -> policy.catalog(today));
        if (catalog.occupation(occupation).isEmpty()) {
            throw invalid("occupationCode", "catalog", "occupation " + occupation + " is not in the catalogue of "
                    + region + " on " + today);
        }
        if (!catalog.offers(occupation, draft.level())) {
            throw invalid("level", "catalog", "occupation " + occupation + " is not trained at " + draft.level());
        }
        String evaluation = Checks.optionalText("evaluationDirection", draft.evaluationDirection(), 500);
        String employment = Checks.optionalText("employmentDirection", draft.employmentDirection(), 500);
        String wage = Checks.optionalText("wageGuidance", draft.wageGuidance(), 200);
        return store.transaction(tx -> {
            Project created = tx.projects().insert(region, name, occupation, draft.level(), headcount, evaluation,
                    employment, wage);
            return audit.created(tx, "project", created.id(), created);
        });
    }

    Project project(long id) {
        return store.transaction(tx -> tx.projects().find(id)).orElseThrow(() -> Checks.notFound("project", id));
    }

    Page<Project> projects(String region, Boolean published, int offset, int limit) {
        Checks.page(offset, limit);
        return store.transaction(tx -> tx.projects().list(region, published, offset, limit));
    }

    Project publish(long id, long expectedVersion) {
        return store.transaction(tx -> {
            Project project = tx.projects().find(id).orElseThrow(() -> Checks.notFound("project", id));
            if (project.published()) {
                throw new WorkflowException(Kind.CONFLICT, "publishedOn", "published",
                        "project " + id + " was published on " + project.publishedOn());
            }
            return audit.changed(tx, "published", "project", id, project,
                    tx.projects().publish(id, LocalDate.now(clock), expectedVersion));
        });
    }

    TrainingClass fileClass(ClassDraft draft) {
        long projectId = required("projectId", draft.projectId());
        long institutionId = required("institutionId", draft.institutionId());
        String region = Checks.region("regionCode", draft.regionCode());
        required("mode", draft.mode());
        LocalDate start = required("startDate", draft.startDate());
        LocalDate end = required("endDate", draft.endDate());
        if (end.isBefore(start)) {
            throw invalid("endDate", "not-before:startDate", "must not be before startDate " + start);
        }
        int hours = Checks.atLeast("hours", draft.hours(), 1);
        java.math.BigDecimal threshold = draft.attendanceThreshold() == null ? WorkflowService.DEFAULT_ATTENDANCE
                : Checks.share("attendanceThreshold", draft.attendanceThreshold());
        TrainingKind kind = draft.kind() == null ? TrainingKind.GENERAL : draft.kind();
        return store.transaction(tx -> {
            Project project = tx.projects().find(projectId).orElseThrow(() -> invalid("projectId", "exists",
                    "no project " + projectId));
            if (!project.published()) {
                throw invalid("projectId", KernelRule.K1.id(), KernelRule.K1.breach("project " + projectId
                        + " is not published"));
            }
            if (!Checks.within(region, project.regionCode())) {
                throw invalid("regionCode", "within-project-region", region + " is not in the project's region "
                        + project.regionCode());
            }
            Institution institution = tx.institutions().find(institutionId).orElseThrow(() -> invalid("institutionId",
                    "exists", "no institution " + institutionId));
            if (institution.status() == InstitutionStatus.BLACKLISTED) {
                throw invalid("institutionId", KernelRule.K4.id(), KernelRule.K4.breach("institution "
                        + institutionId + " is blacklisted"));
            }
            ClassFacts facts = new ClassFacts(region, project.occupationCode(), project.level(), draft.mode(), kind,
                    start, end, hours);
            // the catalogue that counts is the one in force when the class starts
            Catalog catalog = InForce.withPolicy(registry, "regionCode", region, start, policy -> policy.catalog(start));
            if (!catalog.offers(facts.occupationCode(), facts.level())) {
                throw invalid("startDate", "catalog", "on " + start + " the catalogue of " + catalog.regionCode()
                        + " does not offer " + facts.occupationCode() + " at " + facts.level());
            }
            TrainingClass filed = tx.classes().insert(projectId, institutionId, facts, LocalDate.now(clock), threshold);
            return audit.created(tx, "class", filed.id(), filed);
        });
    }

    TrainingClass trainingClass(long id) {
        return store.transaction(tx -> tx.classes().find(id)).orElseThrow(() -> Checks.notFound("class", id));
    }

    Page<TrainingClass> classes(String region, Long projectId, int offset, int limit) {
        Checks.page(offset, limit);
        return store.transaction(tx -> tx.classes().list(region, projectId, offset, limit));
    }
}
