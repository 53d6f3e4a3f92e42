package org.qiancheng.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.qiancheng.persistence.AccountTx.PasswordHash;

class PasswordsTest {

    private final Passwords passwords = new Passwords(new SecureRandom(), 600_000);

    @Test
    void aPasswordVerifiesAgainstItsHashAndAWrongOneDoesNot() {
        PasswordHash stored = passwords.hash("Zhang-San-2026!");
        assertTrue(passwords.matches("Zhang-San-2026!", stored));
        assertFalse(passwords.matches("Zhang-San-2026?", stored));
        assertFalse(passwords.matches("", stored));
    }

    @Test
    void theHashStoresAlgorithmIterationsAndARandomSixteenByteSalt() {
        PasswordHash first = passwords.hash("Zhang-San-2026!");
        PasswordHash second = passwords.hash("Zhang-San-2026!");
        assertEquals("PBKDF2WithHmacSHA256", first.algorithm());
        assertEquals(600_000, first.iterations());
        assertEquals(16, first.salt().length);
        assertEquals(32, first.hash().length);
        assertFalse(java.util.Arrays.equals(first.salt(), second.salt()), "a fresh salt each time");
        assertFalse(java.util.Arrays.equals(first.hash(), second.hash()));
    }

    @Test
    void aHashMadeWithOtherIterationsStillVerifiesAfterTheWorkFactorRises() {
        PasswordHash old = new Passwords(new SecureRandom(), 600_000).hash("Li-Si-2026-07!");
        Passwords raised = new Passwords(new SecureRandom(), 700_000);
        assertTrue(raised.matches("Li-Si-2026-07!", old));
        assertEquals(700_000, raised.hash("Li-Si-2026-07!").iterations());
    }

    @Test
    void derivedKeysAreComparedByTheConstantTimeComparison() {
        AtomicInteger comparisons = new AtomicInteger();
        Passwords spied = new Passwords(new SecureRandom(), 600_000, (a, b) -> {
            comparisons.incrementAndGet();
            return Passwords.CONSTANT_TIME.test(a, b);
        });
        PasswordHash stored = spied.hash("Wang-Wu-2026!!");
        assertTrue(spied.matches("Wang-Wu-2026!!", stored));
        assertFalse(spied.matches("Wang-Wu-2026!?", stored));
        assertEquals(2, comparisons.get());
        // MessageDigest.isEqual: equal only for the same bytes, whatever position differs
        byte[] key = stored.hash();
        byte[] last = key.clone();
        last[last.length - 1] ^= 1;
        assertTrue(Passwords.CONSTANT_TIME.test(key, key.clone()));
        assertFalse(Passwords.CONSTANT_TIME.test(key, last));
        assertArrayEquals(key, stored.hash());
    }
}
