package org.qiancheng.rest.internal;

import java.util.List;

/** What an import wrote: how many rows and the records, in row order. */
public record ImportSummary(int imported, List<?> items) {

    static ImportSummary of(List<?> items) {
        return new ImportSummary(items.size(), items);
    }
}
