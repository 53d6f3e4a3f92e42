package org.qiancheng.persistence.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditKeyTest {

    @TempDir
    Path home;

    @Test
    void aMissingKeyIsCreatedWith256RandomBitsForItsOwnerOnlyAndReadBackTheSame() throws Exception {
        Path file = home.resolve("etc/audit.key");
        AuditKey created = AuditKey.loadOrCreate(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(file).strip()).length);
        assertFalse(Files.exists(home.resolve("etc/audit.key.partial")));
        byte[] canonical = AuditCanonical.of(1, Instant.EPOCH, "a", "b", "c", 1, null, "{}");
        assertArrayEquals(created.chain(AuditKey.GENESIS, canonical),
                AuditKey.loadOrCreate(file).chain(AuditKey.GENESIS, canonical));
        Path other = home.resolve("other/audit.key");
        AuditKey.loadOrCreate(other);
        assertNotEquals(Files.readString(file), Files.readString(other), "every platform draws its own key");
    }

    @Test
    void aKeyFileThatIsNotA256BitKeyStopsTheStartNamingTheFile() throws Exception {
        Path file = home.resolve("audit.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[16]));
        IllegalStateException shortKey = assertThrows(IllegalStateException.class, () -> AuditKey.loadOrCreate(file));
        assertTrue(shortKey.getMessage().contains(file.toString()) && shortKey.getMessage().contains("256"));
        Files.writeString(file, "not base64 at all!");
        assertThrows(IllegalStateException.class, () -> AuditKey.loadOrCreate(file));
    }

    @Test
    void fieldsAreLengthPrefixedSoMovingTextBetweenFieldsChangesTheBytes() {
        assertFalse(java.util.Arrays.equals(AuditCanonical.of(1, Instant.EPOCH, "ab", "c", "x", 1, null, null),
                AuditCanonical.of(1, Instant.EPOCH, "a", "bc", "x", 1, null, null)));
        assertFalse(java.util.Arrays.equals(AuditCanonical.of(1, Instant.EPOCH, "a", "b", "x", 1, null, "{}"),
                AuditCanonical.of(1, Instant.EPOCH, "a", "b", "x", 1, "{}", null)));
        assertFalse(java.util.Arrays.equals(AuditCanonical.of(1, Instant.EPOCH, "a", "b", "x", 1, null, ""),
                AuditCanonical.of(1, Instant.EPOCH, "a", "b", "x", 1, null, null)), "empty is not null");
    }

    @Test
    void aCheckpointSignatureCoversEveryField() {
        AuditKey key = AuditKey.of("0123456789abcdef0123456789abcdef".getBytes());
        Instant at = Instant.parse("2026-11-25T08:00:00.123Z");
        String mac = "ab".repeat(32);
        String signature = key.sign(5, mac, 5, at);
        assertTrue(key.signed(5, mac, 5, at, signature));
        assertFalse(key.signed(6, mac, 6, at, signature));
        assertFalse(key.signed(5, "cd".repeat(32), 5, at, signature));
        assertFalse(key.signed(5, mac, 5, at.plusMillis(1), signature));
        assertFalse(AuditKey.of("another key of thirty-two bytes!".getBytes()).signed(5, mac, 5, at, signature));
        assertNotEquals(signature, Hex.of(key.chain(Hex.mac(mac), new byte[0])),
                "a signature is made with a key of its own");
    }
}
