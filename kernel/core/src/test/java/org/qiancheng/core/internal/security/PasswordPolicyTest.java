package org.qiancheng.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.qiancheng.api.security.AccessException;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(12, 3);

    private String rule(String password) {
        AccessException e = assertThrows(AccessException.class, () -> policy.check("password", "zhangsan", password));
        assertEquals(AccessException.Kind.INVALID, e.kind());
        assertEquals("password", e.field());
        if (!password.isEmpty()) {
            assertFalse(e.getMessage().contains(password), "the message never quotes the password");
            assertFalse(e.messageZh().contains(password));
        }
        return e.rule();
    }

    @Test
    void twelveCharactersOfThreeClassesWithoutTheUsernamePass() {
        assertDoesNotThrow(() -> policy.check("password", "zhangsan", "Chengdu-2026"));
        assertDoesNotThrow(() -> policy.check("password", "zhangsan", "chengdu-2026"));
        assertDoesNotThrow(() -> policy.check("password", "zhangsan", "成都市青羊区技能2026ab"));
    }

    @Test
    void shortPasswordsAreRefused() {
        assertEquals("password:length", rule("Chengdu-202"));
        assertEquals("required", rule(""));
    }

    @Test
    void passwordsOfTooFewCharacterClassesAreRefused() {
        assertEquals("password:classes", rule("chengduchengdu"));
        assertEquals("password:classes", rule("chengdu20262026"));
        assertEquals(4, PasswordPolicy.classes("aA1-"));
    }

    @Test
    void thePasswordMustNotContainTheUsername() {
        assertEquals("password:username", rule("ZhangSan-2026"));
    }

    @Test
    void overlongPasswordsAreRefused() {
        assertEquals("password:max-length", rule("Aa1-".repeat(33)));
    }

    @Test
    void thePolicyItselfIsBounded() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(6, 3));
        assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(12, 5));
    }
}
