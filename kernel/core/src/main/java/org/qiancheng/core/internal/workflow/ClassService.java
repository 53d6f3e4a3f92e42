package org.qiancheng.core.internal.workflow;

import static org.qiancheng.core.internal.workflow.Checks.invalid;
import static org.qiancheng.core.internal.workflow.Checks.required;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.workflow.Operators;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.model.RegionCodes;
import org.qiancheng.api.catalog.Catalog;
import org.qiancheng.api.claim.ClassFacts;
import org.qiancheng.api.model.TrainingKind;
import org.qiancheng.api.registry.PolicyRegistry;
import org.qiancheng.api.workflow.Claim;
import org.qiancheng.api.workflow.ClaimFilter;
import org.qiancheng.api.workflow.Classes;
import org.qiancheng.api.workflow.Drafts.ClassDraft;
import org.qiancheng.api.workflow.Drafts.SurveyDraft;
import org.qiancheng.api.workflow.Institution;
import org.qiancheng.api.workflow.InstitutionStatus;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.Project;
import org.qiancheng.api.workflow.RosterLine;
import org.qiancheng.api.workflow.Survey;
import org.qiancheng.api.workflow.Trainee;
import org.qiancheng.api.workflow.TrainingClass;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.api.workflow.WorkflowException.Kind;
import org.qiancheng.persistence.WorkflowStore;

/**
 * Class filing with K1 (before its start date, under a published project) and K4 (no blacklisted
 * institution), against the catalogue in force on the class's start date; checks and writes happen
 * in one transaction.
 */
@Component
public final class ClassService implements Classes {

    /** The share of class days a trainee attends unless a class says otherwise. */
    static final BigDecimal DEFAULT_ATTENDANCE = new BigDecimal("0.80");

    private final WorkflowStore store;
    private final PolicyRegistry registry;
    private final Clock clock;
    private final Audit audit;

    @Activate
    public ClassService(@Reference WorkflowStore store, @Reference PolicyRegistry registry, @Reference Clock clock) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
        this.audit = new Audit(clock);
    }

    @Override
    public TrainingClass fileClass(ClassDraft draft) {
        RegionScope scope = Scope.of("class.write");
        long projectId = required("projectId", draft.projectId());
        long institutionId = required("institutionId", draft.institutionId());
        String region = Checks.region("regionCode", draft.regionCode());
        Scope.writable(scope, "regionCode", region);
        required("mode", draft.mode());
        LocalDate start = required("startDate", draft.startDate());
        LocalDate end = required("endDate", draft.endDate());
        if (end.isBefore(start)) {
            throw invalid("endDate", "not-before:startDate", "must not be before startDate " + start);
        }
        LocalDate today = LocalDate.now(clock);
        TimeRules.fileBeforeStart(start, today);
        int hours = Checks.atLeast("hours", draft.hours(), 1);
        BigDecimal threshold = draft.attendanceThreshold() == null ? DEFAULT_ATTENDANCE
                : Checks.share("attendanceThreshold", draft.attendanceThreshold());
        TrainingKind kind = draft.kind() == null ? TrainingKind.GENERAL : draft.kind();
        return store.transaction(tx -> {
            // a project or an institution outside the user's regions is as unknown as a missing one
            Project project = tx.projects().find(projectId).filter(p -> scope.covers(p.regionCode()))
                    .orElseThrow(() -> invalid("projectId", "exists", "no project " + projectId));
            if (!project.published()) {
                throw invalid("projectId", KernelRule.K1.id(), KernelRule.K1.breach("project " + projectId
                        + " is not published"));
            }
            if (!RegionCodes.covers(project.regionCode(), region)) {
                throw invalid("regionCode", "within-project-region", region + " is not in the project's region "
                        + project.regionCode());
            }
            Institution institution = tx.institutions().find(institutionId).filter(i -> scope.covers(i.regionCode()))
                    .orElseThrow(() -> invalid("institutionId", "exists", "no institution " + institutionId));
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
            // training follows the published yearly plans covering the class (PlanRules)
            PlanRules.classInPlan(tx, facts);
            TrainingClass filed = tx.classes().insert(projectId, institutionId, facts, today, threshold,
                    Operators.current());
            return audit.created(tx, "class", filed.id(), filed);
        });
    }

    @Override
    public TrainingClass trainingClass(long id) {
        RegionScope scope = Scope.of("class.read");
        return store.transaction(tx -> Scope.trainingClass(tx, scope, id));
    }

    @Override
    public Page<TrainingClass> classes(String region, Long projectId, int offset, int limit) {
        RegionScope scope = Scope.of("class.read");
        Checks.page(offset, limit);
        return store.transaction(tx -> tx.classes().list(scope, region, projectId, offset, limit));
    }

    @Override
    public List<RosterLine> roster(long classId) {
        RegionScope scope = Scope.of("class.read");
        return store.transaction(tx -> {
            Scope.trainingClass(tx, scope, classId);
            // one line per enrolment: its claim, with a top-up's yuan added to the amount
            List<Claim> all = tx.claims().ofClass(classId);
            Map<Long, Claim> claims = all.stream().filter(c -> !c.topUp())
                    .collect(Collectors.toMap(Claim::enrolmentId, Function.identity()));
            Map<Long, BigDecimal> topUps = all.stream().filter(Claim::topUp)
                    .collect(Collectors.toMap(Claim::enrolmentId, Claim::amount));
            return tx.enrolments().ofClass(classId).stream().map(e -> {
                Trainee trainee = tx.trainees().find(e.traineeId()).orElseThrow();
                Claim claim = claims.get(e.id());
                return new RosterLine(e.id(), trainee.id(), trainee.name(), trainee.residentId(),
                        trainee.householdRegion(), e.enrolledOn(), e.attendedDays(), e.outcome(),
                        claim == null ? null : claim.id(), claim == null ? null : claim.status(),
                        claim == null ? null : claim.amount().add(topUps.getOrDefault(e.id(), BigDecimal.ZERO)));
            }).toList();
        });
    }

    @Override
    public Survey recordSurvey(long classId, SurveyDraft draft) {
        RegionScope scope = Scope.of("class.write");
        required("survey", draft);
        int respondents = Checks.atLeast("respondents", draft.respondents(), 1);
        int satisfied = Checks.atLeast("satisfied", draft.satisfied(), 0);
        if (satisfied > respondents) {
            throw invalid("satisfied", "maximum:respondents", "must not exceed respondents " + respondents
                    + ", was " + satisfied);
        }
        LocalDate surveyedOn = required("surveyedOn", draft.surveyedOn());
        return store.transaction(tx -> {
            TrainingClass course = Scope.trainingClass(tx, scope, classId);
            LocalDate today = LocalDate.now(clock);
            TimeRules.survey(classId, course.facts(), surveyedOn, today);
            int enrolled = tx.enrolments().ofClass(classId).size();
            if (respondents > enrolled) {
                throw invalid("respondents", KernelRule.K11.id(), KernelRule.K11.breach(respondents
                        + " respondents, but class " + classId + " has " + enrolled + " trainees enrolled"));
            }
            // counted in the database: the claims' decisions need not be read to know they exist
            long claims = tx.claims().summarize(RegionScope.ALL, new ClaimFilter(classId, null, null, null)).count();
            if (claims > 0) {
                throw new WorkflowException(Kind.CONFLICT, "classId", KernelRule.K11.id(), KernelRule.K11.breach(
                        "class " + classId + " has " + claims + " claims computed already"));
            }
            Survey survey = new Survey(classId, respondents, satisfied, surveyedOn, Operators.current(),
                    clock.instant());
            Optional<Survey> before = tx.classes().survey(classId);
            Survey saved = tx.classes().saveSurvey(survey);
            return before.isPresent() ? audit.changed(tx, "replaced", "survey", classId, before.get(), saved)
                    : audit.created(tx, "survey", classId, saved);
        });
    }

    @Override
    public Optional<Survey> survey(long classId) {
        RegionScope scope = Scope.of("class.read");
        return store.transaction(tx -> {
            Scope.trainingClass(tx, scope, classId);
            return tx.classes().survey(classId);
        });
    }
}
