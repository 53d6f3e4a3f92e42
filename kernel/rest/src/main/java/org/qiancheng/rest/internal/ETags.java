package org.qiancheng.rest.internal;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.qiancheng.api.workflow.WorkflowException;

/**
 * Optimistic locking over HTTP: a versioned record is answered with {@code ETag: "<version>"}, and
 * an update must send that tag back in {@code If-Match}. Without it the answer is 428; with a tag
 * that is no longer current it is 412, also when the kernel finds the record changed meanwhile.
 */
final class ETags {

    static final String IF_MATCH = HttpHeaders.IF_MATCH;

    private ETags() {
    }

    /** The strong entity tag of a version: {@code "3"}. */
    static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** 200 with the record and its version as ETag. */
    static Response ok(Object entity, long version) {
        return Response.ok(entity).tag(tag(version)).build();
    }

    /** 201 with the record, its address below the request's ({@code …/{id}}) and its version as ETag. */
    static Response created(UriInfo uri, long id, Object entity, long version) {
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(id)).build()).entity(entity)
                .tag(tag(version)).build();
    }

    /**
     * The version an update may change, from its {@code If-Match} header.
     *
     * @param ifMatch the header, {@code "3"}, a list of tags or {@code *}
     * @param current reads the record's current version (failing with NOT_FOUND when there is none);
     *     asked only when the header names no single version
     * @return the version to hand to the kernel, which refuses it if it is stale
     */
    static long expected(String ifMatch, LongSupplier current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.preconditionRequired(IF_MATCH);
        }
        List<String> tags = new ArrayList<>();
        for (String tag : ifMatch.split(",")) {
            tags.add(tag.trim());
        }
        boolean any = false;
        List<Long> versions = new ArrayList<>();
        for (String tag : tags) {
            if (tag.equals("*")) {
                any = true;
            } else if (tag.matches("\"[0-9]{1,18}\"")) {
                versions.add(Long.parseLong(tag.substring(1, tag.length() - 1)));
            } else if (!tag.matches("(W/)?\"[^\"]*\"")) {
                throw Problems.invalid(IF_MATCH, "format:etag", "must be the entity tag of a GET, such as \"3\", was "
                        + ifMatch);
            }
            // any other (weak or foreign) tag never matches a version
        }
        if (!any && tags.size() == 1 && versions.size() == 1) {
            return versions.get(0);
        }
        long now = current.getAsLong();
        if (any || versions.contains(now)) {
            return now;
        }
        throw Problems.preconditionFailed(IF_MATCH, "the current version is \"" + now + "\", not " + ifMatch);
    }

    /**
     * Runs an If-Match update, answering 412 when the kernel finds the version stale (rule
     * {@code version}) or the record changed while it was being updated (a conflict on the field
     * {@code version}): either way the version the client named is no longer current.
     */
    static <T> T update(Supplier<T> change) {
        try {
            return change.get();
        } catch (WorkflowException e) {
            if (e.kind() == WorkflowException.Kind.CONFLICT
                    && ("version".equals(e.rule()) || "version".equals(e.field()))) {
                throw Problems.preconditionFailed(IF_MATCH, e.getMessage());
            }
            throw e;
        }
    }
}
