package org.qiancheng.api.dashboard;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The console's overview of a year, within the current user's regions. Every figure is aggregated
 * by the database; the definitions are in {@code docs/operations.md} (Dashboard).
 */
@ProviderType
public interface Dashboards {

    /**
     * @param year the calendar year, 1900–2100, or {@code null} for the current year of the platform's clock
     * @return the figures of that year (the review queue as of today)
     * @throws org.qiancheng.api.security.AccessException UNAUTHENTICATED, or FORBIDDEN without {@code report.read}
     * @throws org.qiancheng.api.workflow.WorkflowException INVALID naming {@code year} outside 1900–2100
     */
    Dashboard dashboard(Integer year);
}
