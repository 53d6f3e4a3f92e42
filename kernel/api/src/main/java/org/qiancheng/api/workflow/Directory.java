package org.qiancheng.api.workflow;

import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.workflow.Drafts.InstitutionDraft;
import org.qiancheng.api.workflow.Drafts.ProjectDraft;

/**
 * The directory of who may train and what is trained: institutions (承训机构) with their standing,
 * and training projects (培训项目), which must be published before classes can be filed under them.
 * Every method either succeeds and writes everything, or throws {@link WorkflowException} and
 * writes nothing. Lists are paged ({@code offset} from 0, {@code limit} 1–500). Provided by the
 * kernel.
 */
@ProviderType
public interface Directory {

    /**
     * Adds an institution to the directory.
     *
     * @param draft its name, region, standing and credit grade
     * @return the institution as stored
     * @throws WorkflowException INVALID naming the field that is missing or wrong
     */
    Institution createInstitution(InstitutionDraft draft);

    /**
     * @param id the institution's id
     * @return the institution
     * @throws WorkflowException NOT_FOUND
     */
    Institution institution(long id);

    /**
     * Lists institutions in id order.
     *
     * @param region a region code, or {@code null} for all
     * @param status a standing, or {@code null} for all
     * @param offset index of the first item
     * @param limit page size, 1–500
     * @return one page
     */
    Page<Institution> institutions(String region, InstitutionStatus status, int offset, int limit);

    /**
     * Changes an institution's standing; blacklisting it also freezes its open claims [K4].
     *
     * @param id the institution's id
     * @param status the new standing
     * @param expectedVersion the version the caller read
     * @return the institution after the change
     * @throws WorkflowException NOT_FOUND, or CONFLICT when the institution changed meanwhile
     */
    Institution changeStatus(long id, InstitutionStatus status, long expectedVersion);

    /**
     * Creates an unpublished project; its occupation and level must be in the catalogue of the
     * region's policy in force today.
     *
     * @param draft the project
     * @return the project as stored
     * @throws WorkflowException INVALID naming the field that is missing, wrong or not in the catalogue
     */
    Project createProject(ProjectDraft draft);

    /**
     * @param id the project's id
     * @return the project
     * @throws WorkflowException NOT_FOUND
     */
    Project project(long id);

    /**
     * Lists projects in id order.
     *
     * @param region a region code, or {@code null} for all
     * @param published {@code true} or {@code false} to filter, {@code null} for both
     * @param offset index of the first item
     * @param limit page size, 1–500
     * @return one page
     */
    Page<Project> projects(String region, Boolean published, int offset, int limit);

    /**
     * Publishes a project today; only published projects are subsidised [K1].
     *
     * @param id the project's id
     * @param expectedVersion the version the caller read
     * @return the project after publication
     * @throws WorkflowException NOT_FOUND, or CONFLICT when it is published already or changed meanwhile
     */
    Project publish(long id, long expectedVersion);
}
