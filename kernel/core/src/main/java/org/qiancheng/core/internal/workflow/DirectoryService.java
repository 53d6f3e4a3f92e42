package org.qiancheng.core.internal.workflow;

import static org.qiancheng.core.internal.workflow.Checks.invalid;
import static org.qiancheng.core.internal.workflow.Checks.required;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.workflow.Directory;
import org.qiancheng.api.workflow.Drafts.InstitutionDraft;
import org.qiancheng.api.workflow.Drafts.ProjectDraft;
import org.qiancheng.api.workflow.Institution;
import org.qiancheng.api.workflow.InstitutionStatus;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.Project;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.api.workflow.WorkflowException.Kind;
import org.qiancheng.persistence.WorkflowStore;

/**
 * Institutions and projects, with K4 (blacklisting freezes open claims) and the catalogue of the
 * region's policy in force; checks and writes happen in one transaction, so a refusal writes
 * nothing.
 */
@Component
public final class DirectoryService implements Directory {

    private static final String READ = "directory.read";
    private static final String WRITE = "directory.write";

    private final WorkflowStore store;
    private final PolicyRegistry registry;
    private final Clock clock;
    private final Audit audit;

    @Activate
    public DirectoryService(@Reference WorkflowStore store, @Reference PolicyRegistry registry,
            @Reference Clock clock) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
        this.audit = new Audit(clock);
    }

    @Override
    public Institution createInstitution(InstitutionDraft draft) {
        String name = Checks.text("name", draft.name(), 200);
        RegionScope scope = Scope.of(WRITE);
        String region = Checks.region("regionCode", draft.regionCode());
        Scope.writable(scope, "regionCode", region);
        InstitutionStatus status = draft.status() == null ? InstitutionStatus.LISTED : draft.status();
        String grade = Checks.optionalText("creditGrade", draft.creditGrade(), 10);
        return store.transaction(tx -> {
            Institution created = tx.institutions().insert(name, region, status, grade);
            return audit.created(tx, "institution", created.id(), created);
        });
    }

    @Override
    public Institution institution(long id) {
        RegionScope scope = Scope.of(READ);
        Institution found = store.transaction(tx -> tx.institutions().find(id))
                .orElseThrow(() -> Checks.notFound("institution", id));
        return Scope.visible(scope, found.regionCode(), found, "institution", id);
    }

    @Override
    public Page<Institution> institutions(String region, InstitutionStatus status, int offset, int limit) {
        RegionScope scope = Scope.of(READ);
        Checks.page(offset, limit);
        return store.transaction(tx -> tx.institutions().list(scope, region, status, offset, limit));
    }

    @Override
    public Institution changeStatus(long id, InstitutionStatus status, long expectedVersion) {
        RegionScope scope = Scope.of(WRITE);
        required("status", status);
        return store.transaction(tx -> {
            Institution before = tx.institutions().find(id).orElseThrow(() -> Checks.notFound("institution", id));
            Scope.visible(scope, before.regionCode(), before, "institution", id);
            Institution changed = audit.changed(tx, "status-changed", "institution", id, before,
                    tx.institutions().changeStatus(id, status, expectedVersion));
            if (status == InstitutionStatus.BLACKLISTED) {
                int frozen = tx.claims().freezeOpen(id);
                audit.changed(tx, "claims-frozen", "institution", id, null, Map.of("frozenClaims", frozen));
            }
            return changed;
        });
    }

    @Override
    public Project createProject(ProjectDraft draft) {
        RegionScope scope = Scope.of(WRITE);
        String region = Checks.region("regionCode", draft.regionCode());
        Scope.writable(scope, "regionCode", region);
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

    @Override
    public Project project(long id) {
        RegionScope scope = Scope.of(READ);
        Project found = store.transaction(tx -> tx.projects().find(id)).orElseThrow(() -> Checks.notFound("project", id));
        return Scope.visible(scope, found.regionCode(), found, "project", id);
    }

    @Override
    public Page<Project> projects(String region, Boolean published, int offset, int limit) {
        RegionScope scope = Scope.of(READ);
        Checks.page(offset, limit);
        return store.transaction(tx -> tx.projects().list(scope, region, published, offset, limit));
    }

    @Override
    public Project publish(long id, long expectedVersion) {
        RegionScope scope = Scope.of(WRITE);
        return store.transaction(tx -> {
            Project found = tx.projects().find(id).orElseThrow(() -> Checks.notFound("project", id));
            Project project = Scope.visible(scope, found.regionCode(), found, "project", id);
            if (project.published()) {
                throw new WorkflowException(Kind.CONFLICT, "publishedOn", "published",
                        "project " + id + " was published on " + project.publishedOn());
            }
            return audit.changed(tx, "published", "project", id, project,
                    tx.projects().publish(id, LocalDate.now(clock), expectedVersion));
        });
    }
}
