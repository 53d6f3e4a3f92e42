package org.qiancheng.persistence;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.workflow.Institution;
import org.qiancheng.api.workflow.InstitutionStatus;
import org.qiancheng.api.workflow.Page;

/** Institutions, inside the transaction of the {@link WorkflowTx} that gave them. */
@ProviderType
public interface InstitutionTx {

    /** Stores a new institution. */
    Institution insert(String name, String regionCode, InstitutionStatus status, String creditGrade);

    Optional<Institution> find(long id);

    /** In id order; {@code region} and {@code status} {@code null} for all. */
    Page<Institution> list(RegionScope scope, String region, InstitutionStatus status, int offset, int limit);

    /** @throws org.qiancheng.api.workflow.WorkflowException NOT_FOUND, or CONFLICT when the version is stale */
    Institution changeStatus(long id, InstitutionStatus status, long expectedVersion);
}
