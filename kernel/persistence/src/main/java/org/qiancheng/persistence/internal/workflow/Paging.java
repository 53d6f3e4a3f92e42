package org.qiancheng.persistence.internal.workflow;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.workflow.Page;

/** A JPQL list with optional equality filters, counted and paged, in id order. */
final class Paging<E, R> {

    private final EntityManager manager;
    private final Class<E> entity;
    private final Map<String, Object> filters = new LinkedHashMap<>();
    private final StringBuilder where = new StringBuilder();
    private String order = "e.id";

    Paging(EntityManager manager, Class<E> entity) {
        this.manager = manager;
        this.entity = entity;
    }

    /** Adds {@code e.<field> = value} (or the given operator) unless the value is {@code null}. */
    Paging<E, R> filter(String field, String operator, Object value) {
        if (value != null) {
            String name = "p" + filters.size();
            where.append(where.length() == 0 ? " WHERE " : " AND ").append("e.").append(field).append(' ')
                    .append(operator).append(" :").append(name);
            filters.put(name, value);
        }
        return this;
    }

    /** Adds a condition without a parameter, e.g. {@code e.publishedOn IS NOT NULL}. */
    Paging<E, R> condition(String jpql) {
        where.append(where.length() == 0 ? " WHERE " : " AND ").append(jpql);
        return this;
    }

    /**
     * Keeps the rows within the user's regions: some region column starts with one of the scope's
     * prefixes. Nothing to add when the scope is national.
     *
     * @param around the condition around the region test, {@code %s} standing for it, e.g.
     *     {@code e.classId IN (SELECT c.id FROM ClassEntity c WHERE %s)}
     * @param columns the region columns, any of which may match, e.g. {@code e.regionCode}
     */
    Paging<E, R> within(RegionScope scope, String around, String... columns) {
        if (scope.all()) {
            return this;
        }
        StringJoiner any = new StringJoiner(" OR ", "(", ")").setEmptyValue("1 = 0");
        for (String prefix : scope.prefixes()) {
            for (String column : columns) {
                String name = "p" + filters.size();
                any.add(column + " LIKE :" + name);
                filters.put(name, prefix + "%");
            }
        }
        return condition(String.format(around, any));
    }

    /** Lists the newest (highest id) first. */
    Paging<E, R> newestFirst() {
        order = "e.id DESC";
        return this;
    }

    /** Lists in the given JPQL order, e.g. {@code e.sequence DESC}. */
    Paging<E, R> orderBy(String jpql) {
        order = jpql;
        return this;
    }

    /** The first {@code limit} rows in this order, not counted: a page of a keyset scan. */
    java.util.List<R> slice(int limit, Function<E, R> toRecord) {
        TypedQuery<E> select = manager.createQuery("SELECT e" + from() + " ORDER BY " + order, entity);
        filters.forEach(select::setParameter);
        return select.setMaxResults(limit).getResultList().stream().map(toRecord).toList();
    }

    /** The one row of an aggregate over what is selected, e.g. {@code COUNT(e), SUM(e.amount)}. */
    Object[] aggregate(String select) {
        TypedQuery<Object[]> query = manager.createQuery("SELECT " + select + from(), Object[].class);
        filters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** One column of what is selected, e.g. {@code e.id}, in order, at most {@code limit} rows. */
    <T> java.util.List<T> column(String select, Class<T> type, int limit) {
        TypedQuery<T> query = manager.createQuery("SELECT " + select + from() + " ORDER BY " + order, type);
        filters.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList();
    }

    private String from() {
        return " FROM " + entity.getSimpleName() + " e" + where;
    }

    Page<R> page(int offset, int limit, Function<E, R> toRecord) {
        String from = " FROM " + entity.getSimpleName() + " e" + where;
        TypedQuery<Long> count = manager.createQuery("SELECT COUNT(e)" + from, Long.class);
        TypedQuery<E> select = manager.createQuery("SELECT e" + from + " ORDER BY " + order, entity);
        filters.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        return new Page<>(select.setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(toRecord)
                .toList(), count.getSingleResult(), offset, limit);
    }
}
