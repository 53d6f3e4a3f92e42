package org.qiancheng.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.security.AccessException;
import org.qiancheng.api.security.Role;
import org.qiancheng.api.security.User;
import org.junit.jupiter.api.function.Executable;

class GrantsTest {

    private static User user(long id, Set<Role> roles, String... regions) {
        return new User(id, "u" + id, roles, List.of(regions), false, false, null, Instant.EPOCH, Instant.EPOCH, 0);
    }

    private static final User SICHUAN_ADMIN = user(1, Set.of(Role.SECURITY_ADMIN), "510000");
    private static final User NATIONAL_ADMIN = user(2, Set.of(Role.SECURITY_ADMIN), "100000");

    private static String rule(Executable grant) {
        return assertThrows(AccessException.class, grant).rule();
    }

    @Test
    void administratorAndBusinessRolesAreNeverHeldTogether() {
        assertEquals("separation-of-duties", rule(() -> Grants.roles(Set.of(Role.SECURITY_ADMIN, Role.AUDITOR))));
        assertEquals("separation-of-duties", rule(() -> Grants.roles(Set.of(Role.CLERK, Role.SECURITY_ADMIN))));
        assertEquals("required", rule(() -> Grants.roles(Set.of())));
        assertEquals(Set.of(Role.CLERK, Role.REVIEWER), Grants.roles(Set.of(Role.CLERK, Role.REVIEWER)));
        assertTrue(Role.SECURITY_ADMIN.administrator());
        assertFalse(Role.AUDITOR.administrator());
    }

    @Test
    void nobodyChangesTheirOwnRoles() {
        assertEquals("own-roles", rule(() -> Grants.notOwnRoles(SICHUAN_ADMIN, SICHUAN_ADMIN, Set.of(Role.CLERK))));
        assertDoesNotThrow(() -> Grants.notOwnRoles(SICHUAN_ADMIN, SICHUAN_ADMIN, Set.of(Role.SECURITY_ADMIN)));
        assertDoesNotThrow(() -> Grants.notOwnRoles(SICHUAN_ADMIN, SICHUAN_ADMIN, null));
        assertDoesNotThrow(() -> Grants.notOwnRoles(SICHUAN_ADMIN, user(3, Set.of(Role.CLERK), "510100"),
                Set.of(Role.REVIEWER)));
    }

    @Test
    void anAdministratorGrantsOnlyRegionsWithinTheirOwn() {
        assertEquals(List.of("510100", "510104"), Grants.regions(List.of("510100", "510104", "510100"), SICHUAN_ADMIN));
        assertEquals(List.of("510000"), Grants.regions(List.of("510000"), SICHUAN_ADMIN));
        assertEquals("region-scope", rule(() -> Grants.regions(List.of("610100"), SICHUAN_ADMIN)));
        assertEquals("region-scope", rule(() -> Grants.regions(List.of("100000"), SICHUAN_ADMIN)));
        assertEquals("gb2260", rule(() -> Grants.regions(List.of("51010"), SICHUAN_ADMIN)));
        assertEquals("required", rule(() -> Grants.regions(List.of(), SICHUAN_ADMIN)));
        assertEquals(List.of("610100", "100000"), Grants.regions(List.of("610100", "100000"), NATIONAL_ADMIN));
    }

}
