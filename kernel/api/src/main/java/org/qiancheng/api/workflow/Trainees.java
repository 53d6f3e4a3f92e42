package org.qiancheng.api.workflow;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.workflow.Drafts.TraineeDraft;

/**
 * Real-name trainees (实名制), identified by their resident ID. Every method either succeeds and
 * writes everything, or throws {@link WorkflowException} and writes nothing. Provided by the
 * kernel.
 */
@ProviderType
public interface Trainees {

    /**
     * Registers a real-name trainee; an invalid ID is refused and never stored [K2].
     *
     * @param draft the trainee
     * @return the trainee as stored
     * @throws WorkflowException INVALID naming the field, or CONFLICT when the ID is registered already
     */
    Trainee register(TraineeDraft draft);

    /**
     * @param id the trainee's id
     * @return the trainee; an answer built from it must mask the resident ID
     * @throws WorkflowException NOT_FOUND, also for a trainee outside the user's regions
     */
    Trainee trainee(long id);

    /**
     * Reads a trainee to show the full resident ID: needs the permission {@code trainee.pii.read} and
     * a reason, and enters the audit trail (who saw whose ID, and why).
     *
     * @param id the trainee's id
     * @param reason why the full ID is needed, 1–500 characters
     * @return the trainee
     * @throws WorkflowException NOT_FOUND, or INVALID naming {@code reason}
     * @since 0.6
     */
    Trainee disclose(long id, String reason);

    /**
     * Lists trainees in id order.
     *
     * @param region a household region code prefix, or {@code null} for all
     * @param offset index of the first item
     * @param limit page size, 1–500
     * @return one page
     */
    Page<Trainee> trainees(String region, int offset, int limit);

    /**
     * Registers many trainees at once: every row is checked as {@link #register} does (and no ID
     * twice in the file); when any row breaks a rule, nothing is imported.
     *
     * @param rows the trainees, the first being line 2 of the file
     * @return the trainees registered, in row order
     * @throws ImportRejectedException listing every broken row
     */
    List<Trainee> importTrainees(List<TraineeDraft> rows);
}
