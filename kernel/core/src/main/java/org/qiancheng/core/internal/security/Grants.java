package org.qiancheng.core.internal.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.qiancheng.api.model.RegionCodes;
import org.qiancheng.api.security.AccessException;
import org.qiancheng.api.security.AccessException.Kind;
import org.qiancheng.api.security.Role;
import org.qiancheng.api.security.User;

/**
 * What a security administrator may grant: at least one role, never business and administrator
 * roles together (三员分立), never a change of their own roles, and only regions within their own
 * ({@code 100000} covers every region, a province code its cities and districts, a city code its
 * districts).
 */
final class Grants {

    private Grants() {
    }

    /** @return the roles, checked */
    static Set<Role> roles(Set<Role> roles) {
        if (roles == null || roles.isEmpty() || roles.stream().anyMatch(java.util.Objects::isNull)) {
            throw invalid("roles", "required", "must name at least one role", "须至少指定一个角色");
        }
        boolean administrator = roles.stream().anyMatch(Role::administrator);
        boolean business = roles.stream().anyMatch(r -> !r.administrator());
        if (administrator && business) {
            throw invalid("roles", "separation-of-duties", "administrator roles (SECURITY_ADMIN) and business roles"
                    + " are never held together", "安全管理员角色不得与业务角色（经办、审核、拨付、政策管理员、审计员）同时授予（三员分立）");
        }
        return Set.copyOf(roles);
    }

    /** @return the regions, checked to be GB/T 2260 codes each within the granting administrator's regions */
    static List<String> regions(List<String> regions, User admin) {
        if (regions == null || regions.isEmpty()) {
            throw invalid("regions", "required", "must name at least one GB/T 2260 region code",
                    "须至少指定一个 GB/T 2260 行政区划代码");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String region : regions) {
            if (!RegionCodes.isValid(region)) {
                throw invalid("regions", "gb2260", "must be GB/T 2260 region codes of six digits",
                        "须为六位 GB/T 2260 行政区划代码");
            }
            if (admin.regions().stream().noneMatch(own -> RegionCodes.covers(own, region))) {
                throw invalid("regions", "region-scope", "region " + region + " is outside your regions "
                        + admin.regions(), "行政区划 " + region + " 不在您的管辖范围 " + admin.regions() + " 内");
            }
            distinct.add(region);
        }
        return new ArrayList<>(distinct);
    }

    /** Nobody changes their own roles, not even a security administrator. */
    static void notOwnRoles(User admin, User target, Set<Role> newRoles) {
        if (admin.id() == target.id() && newRoles != null && !newRoles.equals(target.roles())) {
            throw invalid("roles", "own-roles", "nobody changes their own roles", "不得变更本人的角色");
        }
    }


    static AccessException invalid(String field, String rule, String en, String zh) {
        return new AccessException(Kind.INVALID, field, rule, en, zh);
    }
}
