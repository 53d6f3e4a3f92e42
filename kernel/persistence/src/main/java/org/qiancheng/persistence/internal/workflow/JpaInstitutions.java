package org.qiancheng.persistence.internal.workflow;

import java.util.Optional;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.workflow.Institution;
import org.qiancheng.api.workflow.InstitutionStatus;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.persistence.InstitutionTx;

/** Institutions over the entity manager of one transaction. */
final class JpaInstitutions implements InstitutionTx {

    private final Rows rows;

    JpaInstitutions(Rows rows) {
        this.rows = rows;
    }

    @Override
    public Institution insert(String name, String regionCode, InstitutionStatus status, String creditGrade) {
        return rows.persisted(InstitutionEntity.of(name, regionCode, status, creditGrade)).toRecord();
    }

    @Override
    public Optional<Institution> find(long id) {
        return rows.find(InstitutionEntity.class, id, InstitutionEntity::toRecord);
    }

    @Override
    public Page<Institution> list(RegionScope scope, String region, InstitutionStatus status, int offset, int limit) {
        return rows.<InstitutionEntity, Institution>paging(InstitutionEntity.class).filter("regionCode", "=", region)
                .within(scope, "%s", "e.regionCode")
                .filter("status", "=", status).page(offset, limit, InstitutionEntity::toRecord);
    }

    @Override
    public Institution changeStatus(long id, InstitutionStatus status, long expectedVersion) {
        InstitutionEntity e = rows.current(InstitutionEntity.class, id, expectedVersion);
        e.status = status;
        return rows.updated(e, InstitutionEntity::toRecord);
    }
}
