package org.qiancheng.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qiancheng.api.security.Role;

class PermissionMatrixTest {

    private static final PermissionMatrix SHIPPED = PermissionMatrix.SHIPPED;

    @Test
    void onlyTheHealthCheckAndTheLoginAreAnonymous() {
        assertEquals(List.of("getHealth", "login"), SHIPPED.operations().entrySet().stream()
                .filter(e -> e.getValue().equals("anonymous")).map(e -> e.getKey()).sorted().toList());
    }

    @Test
    void eachDeskHoldsItsOwnWork() {
        assertTrue(SHIPPED.granted(Set.of(Role.CLERK), "claim.compute"));
        assertFalse(SHIPPED.granted(Set.of(Role.CLERK), "claim.review"));
        assertTrue(SHIPPED.granted(Set.of(Role.REVIEWER), "claim.review"));
        assertFalse(SHIPPED.granted(Set.of(Role.REVIEWER), "claim.disburse"));
        assertTrue(SHIPPED.granted(Set.of(Role.FINANCE), "claim.disburse"));
        assertFalse(SHIPPED.granted(Set.of(Role.AUDITOR), "class.write"));
        assertEquals(Set.of("user.admin"), SHIPPED.permissions(Set.of(Role.SECURITY_ADMIN)));
        assertEquals(Optional.of("claim.review"), SHIPPED.operation("reviewClaim"));
        assertEquals(Optional.empty(), SHIPPED.operation("noSuchOperation"));
    }

    @Test
    void anUndeclaredPermissionOrAnAdministratorWithBusinessWorkBreaksTheFile() throws Exception {
        String roles = "role.CLERK = a\nrole.REVIEWER = a\nrole.FINANCE = a\nrole.POLICY_ADMIN = a\nrole.AUDITOR = a\n";
        assertThrows(IllegalArgumentException.class, () -> parse("permission.a = 甲 | A\n" + roles
                + "role.SECURITY_ADMIN = a\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("permission.a = 甲 | A\n" + roles
                + "role.SECURITY_ADMIN = user.admin\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("permission.a = 甲 | A\npermission.user.admin = 乙 | B\n"
                + roles + "role.SECURITY_ADMIN = user.admin\noperation.x = b\n"));
        assertEquals(Optional.of("a"), parse("permission.a = 甲 | A\npermission.user.admin = 乙 | B\n" + roles
                + "role.SECURITY_ADMIN = user.admin\noperation.x = a\n").operation("x"));
    }

    private static PermissionMatrix parse(String text) throws Exception {
        return PermissionMatrix.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
