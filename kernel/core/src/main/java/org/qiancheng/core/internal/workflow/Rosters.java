package org.qiancheng.core.internal.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qiancheng.api.workflow.Enrolment;
import org.qiancheng.api.workflow.Survey;
import org.qiancheng.api.workflow.Trainee;
import org.qiancheng.api.workflow.TrainingClass;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.WorkflowTx;

/**
 * What the claims of some classes need that their own claims do not change, read for all of them
 * at once: whether claims can be made at all [K1, K9], the enrolments and which of them are claimed
 * already, the surveys, the due trainees, and whether the institutions are blacklisted [K4]. One
 * statement of each kind for a settlement batch's classes, where there were seven for each class;
 * on PostgreSQL each was a round trip. What the batch's claims do change, the trainees' earlier
 * subsidies, is read class by class once the classes before are stored ({@link ClaimComputation#read}).
 * Read in the transaction that stores the claims, so the claims' unique key still guards against a
 * claim computed meanwhile on request.
 */
final class Rosters {

    /**
     * One class's part: refused, with the reason, or its enrolments and those due (an outcome and no
     * claim yet).
     */
    record Roster(TrainingClass course, WorkflowException refusal, List<Enrolment> enrolments, List<Enrolment> due,
            Optional<Survey> survey, boolean frozen) {
    }

    /** Why no claim can be made for a class at all, given whether its project is published. */
    interface Refusal {

        Optional<WorkflowException> of(TrainingClass course, boolean published);
    }

    private final Map<Long, Roster> byClass;
    private final Map<Long, Trainee> trainees;

    private Rosters(Map<Long, Roster> byClass, Map<Long, Trainee> trainees) {
        this.byClass = byClass;
        this.trainees = trainees;
    }

    /** Reads the rosters of {@code classes}; a project or institution shared by several is read once. */
    static Rosters read(WorkflowTx tx, List<TrainingClass> classes, Refusal refusal) {
        Map<Long, Boolean> published = new HashMap<>();
        Map<Long, Roster> byClass = new HashMap<>();
        List<TrainingClass> open = new ArrayList<>(classes.size());
        for (TrainingClass course : classes) {
            boolean isPublished = published.computeIfAbsent(course.projectId(),
                    id -> tx.projects().find(id).orElseThrow().published());
            Optional<WorkflowException> refused = refusal.of(course, isPublished);
            if (refused.isPresent()) {
                byClass.put(course.id(), new Roster(course, refused.get(), List.of(), List.of(), Optional.empty(), false));
            } else {
                open.add(course);
            }
        }
        if (open.isEmpty()) {
            return new Rosters(byClass, Map.of());
        }
        List<Long> ids = open.stream().map(TrainingClass::id).toList();
        Map<Long, List<Enrolment>> enrolments = tx.enrolments().ofClasses(ids);
        Set<Long> claimed = tx.claims().claimedEnrolments(ids);
        Map<Long, Survey> surveys = tx.classes().surveys(ids);
        Map<Long, Boolean> blacklisted = new HashMap<>();
        Set<Long> dueTrainees = new LinkedHashSet<>();
        for (TrainingClass course : open) {
            List<Enrolment> all = enrolments.getOrDefault(course.id(), List.of());
            List<Enrolment> due = all.stream().filter(e -> e.outcome() != null && !claimed.contains(e.id())).toList();
            boolean frozen = !due.isEmpty() && blacklisted.computeIfAbsent(course.institutionId(),
                    id -> ClaimComputation.blacklisted(tx, id));
            due.forEach(e -> dueTrainees.add(e.traineeId()));
            byClass.put(course.id(), new Roster(course, null, all, due, Optional.ofNullable(surveys.get(course.id())),
                    frozen));
        }
        return new Rosters(byClass, dueTrainees.isEmpty() ? Map.of() : tx.trainees().findAll(dueTrainees));
    }

    /** @throws IllegalArgumentException when the class was not among those read */
    Roster of(TrainingClass course) {
        Roster roster = byClass.get(course.id());
        if (roster == null) {
            throw new IllegalArgumentException("class " + course.id() + " is not among the rosters read");
        }
        return roster;
    }

    /** A due trainee of the classes read. */
    Trainee trainee(long id) {
        return trainees.get(id);
    }
}
