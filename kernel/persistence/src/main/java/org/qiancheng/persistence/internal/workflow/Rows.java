package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.qiancheng.api.workflow.WorkflowException;

/**
 * What every repository of one transaction does the same way over its entity manager: find by id
 * or empty, find or NOT_FOUND, check the version the caller read, insert, and page.
 */
final class Rows {

    /** Ids in one {@code IN} at most: well within what HSQLDB and PostgreSQL take as parameters. */
    private static final int IN_LIMIT = 500;

    final EntityManager manager;

    Rows(EntityManager manager) {
        this.manager = manager;
    }

    /** The record of an entity, or empty when there is none with that id. */
    <E, R> Optional<R> find(Class<E> type, long id, Function<E, R> toRecord) {
        return Optional.ofNullable(manager.find(type, id)).map(toRecord);
    }

    /** @throws WorkflowException NOT_FOUND when there is no entity with that id */
    <E> E existing(Class<E> type, long id) {
        E entity = manager.find(type, id);
        if (entity == null) {
            throw new WorkflowException(WorkflowException.Kind.NOT_FOUND, "id", "exists", "no record " + id);
        }
        return entity;
    }

    /** @throws WorkflowException NOT_FOUND, or CONFLICT when the entity is not at the version the caller read */
    <E extends Versioned> E current(Class<E> type, long id, long expectedVersion) {
        E entity = existing(type, id);
        if (entity.version() != expectedVersion) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, "version", "version", "record " + id
                    + " is at version " + entity.version() + ", not " + expectedVersion + " as read");
        }
        return entity;
    }

    /** Inserts an entity and writes it, so that its generated id is known. */
    <E> E persisted(E entity) {
        manager.persist(entity);
        manager.flush();
        return entity;
    }

    /** Writes the changes to entities read in this transaction and answers the record of one. */
    <E, R> R updated(E entity, Function<E, R> toRecord) {
        manager.flush();
        return toRecord.apply(entity);
    }

    /** Ids in lists short enough for one {@code IN} each. */
    static List<List<Long>> chunks(java.util.Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<List<Long>> chunks = new java.util.ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIMIT) {
            chunks.add(all.subList(from, Math.min(all.size(), from + IN_LIMIT)));
        }
        return chunks;
    }

    /** A paged list of an entity type, in id order. */
    <E, R> Paging<E, R> paging(Class<E> type) {
        return new Paging<>(manager, type);
    }
}
