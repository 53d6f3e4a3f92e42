package org.qiancheng.core.internal.workflow;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.LongFunction;
import org.qiancheng.api.workflow.AuditEvent;

/**
 * Audit entries in id order, read a page at a time as they are iterated (a keyset scan: each page starts
 * after the last id of the one before), so an export of any length holds one page in memory.
 */
final class AuditPages implements Iterator<AuditEvent> {

    private final LongFunction<List<AuditEvent>> after;
    private List<AuditEvent> page = List.of();
    private int next;
    private long lastId;
    private boolean done;

    /** @param after the page of entries with an id above the given one, empty at the end */
    AuditPages(LongFunction<List<AuditEvent>> after) {
        this.after = after;
    }

    @Override
    public boolean hasNext() {
        if (next < page.size()) {
            return true;
        }
        if (done) {
            return false;
        }
        page = after.apply(lastId);
        next = 0;
        done = page.isEmpty();
        return !done;
    }

    @Override
    public AuditEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        AuditEvent event = page.get(next++);
        lastId = event.id();
        return event;
    }
}
