package org.qiancheng.api.workflow;

import java.util.List;

/** An import refused as a whole: nothing was written; {@link #errors()} lists every broken row. */
public final class ImportRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<RowError> errors;

    /** @param errors every broken row, at least one */
    public ImportRejectedException(List<RowError> errors) {
        super(errors.size() + " row(s) break rules; nothing was imported");
        this.errors = List.copyOf(errors);
    }

    /** @return every broken row, in file order */
    public List<RowError> errors() {
        return errors;
    }
}
