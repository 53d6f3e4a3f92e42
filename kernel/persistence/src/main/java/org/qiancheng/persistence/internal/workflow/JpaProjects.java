package org.qiancheng.persistence.internal.workflow;

import java.time.LocalDate;
import java.util.Optional;
import org.qiancheng.api.security.RegionScope;
import org.qiancheng.api.model.SkillLevel;
import org.qiancheng.api.workflow.Page;
import org.qiancheng.api.workflow.Project;
import org.qiancheng.persistence.ProjectTx;

/** Training projects over the entity manager of one transaction. */
final class JpaProjects implements ProjectTx {

    private final Rows rows;

    JpaProjects(Rows rows) {
        this.rows = rows;
    }

    @Override
    public Project insert(String regionCode, String name, String occupationCode, SkillLevel level, int headcount,
            String evaluationDirection, String employmentDirection, String wageGuidance) {
        return rows.persisted(ProjectEntity.of(regionCode, name, occupationCode, level, headcount, evaluationDirection,
                employmentDirection, wageGuidance)).toRecord();
    }

    @Override
    public Optional<Project> find(long id) {
        return rows.find(ProjectEntity.class, id, ProjectEntity::toRecord);
    }

    @Override
    public Page<Project> list(RegionScope scope, String region, Boolean published, int offset, int limit) {
        Paging<ProjectEntity, Project> paging = rows.<ProjectEntity, Project>paging(ProjectEntity.class)
                .filter("regionCode", "=", region).within(scope, "%s", "e.regionCode");
        if (published != null) {
            paging.condition(published ? "e.publishedOn IS NOT NULL" : "e.publishedOn IS NULL");
        }
        return paging.page(offset, limit, ProjectEntity::toRecord);
    }

    @Override
    public Project publish(long id, LocalDate on, long expectedVersion) {
        ProjectEntity e = rows.current(ProjectEntity.class, id, expectedVersion);
        e.publishedOn = on;
        return rows.updated(e, ProjectEntity::toRecord);
    }
}
