package org.qiancheng.api.workflow;

import java.util.List;

/**
 * One page of a list.
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param total how many items match in all
 * @param offset index of the first item
 * @param limit the page size asked for
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    /** Copies the items. */
    public Page {
        items = List.copyOf(items);
    }
}
