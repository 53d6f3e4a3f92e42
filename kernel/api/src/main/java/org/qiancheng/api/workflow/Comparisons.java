package org.qiancheng.api.workflow;

import java.time.LocalDate;
import org.osgi.annotation.versioning.ProviderType;

/** What-if before activation: stored claims decided again by a candidate version. Provided by the kernel. */
@ProviderType
public interface Comparisons {

    /**
     * Decides again, with a candidate version, every stored claim its region's own policy decided
     * for classes starting in a period, reading them page by page (memory stays bounded whatever
     * their number); nothing is stored.
     *
     * @param regionCode GB/T 2260 code
     * @param candidate an installed valid version of the region
     * @param from first class start date
     * @param to last class start date, not before {@code from}
     * @param top how many of the largest differences to answer, 1–100
     * @throws WorkflowException INVALID naming {@code candidate}, {@code to} or {@code top}
     */
    Comparison compare(String regionCode, String candidate, LocalDate from, LocalDate to, int top);
}
