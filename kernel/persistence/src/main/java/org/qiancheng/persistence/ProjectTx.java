package org.qiancheng.persistence;

import java.time.LocalDate;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.Project;

/** Training projects, inside the transaction of the {@link WorkflowTx} that gave them. */
@ProviderType
public interface ProjectTx {

    /** Stores a new, unpublished project. */
    Project insert(String regionCode, String name, String occupationCode, SkillLevel level, int headcount,
            String evaluationDirection, String employmentDirection, String wageGuidance);

    Optional<Project> find(long id);

    /** In id order; {@code region} {@code null} for all, {@code published} {@code null} for both. */
    Page<Project> list(RegionScope scope, String region, Boolean published, int offset, int limit);

    /** @throws org.qiancheng.api.workflow.WorkflowException NOT_FOUND, or CONFLICT when the version is stale */
    Project publish(long id, LocalDate on, long expectedVersion);
}
