package org.qiancheng.persistence.internal.workflow;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret of the audit chain: 256 bits kept in a file of {@code QC_HOME/etc} (never in the
 * database, so that whoever can write the database cannot recompute the chain). Chain MACs use it as
 * it is; checkpoints are signed with a key derived from it, so that a checkpoint's signature can never
 * be taken for a chain MAC or the other way round.
 */
public final class AuditKey {

    /** What the first entry chains from: 32 zero bytes (docs/security.md). */
    static final byte[] GENESIS = new byte[32];

    private static final String HMAC = "HmacSHA256";
    private static final int BYTES = 32;

    private final SecretKeySpec chain;
    private final SecretKeySpec checkpoints;
    /**
     * A Mac keyed once per thread: looking one up and keying it cost more than the HMAC of an entry
     * (a settlement chains one per claim); {@code doFinal} leaves it keyed for the next.
     */
    private final ThreadLocal<Mac> chaining;

    private AuditKey(byte[] secret) {
        this.chain = new SecretKeySpec(secret, HMAC);
        this.chaining = ThreadLocal.withInitial(() -> keyed(chain));
        this.checkpoints = new SecretKeySpec(hmac(chain, "qiancheng audit checkpoint key v1"
                .getBytes(StandardCharsets.US_ASCII)), HMAC);
    }

    /** A key of the given bytes (at least 32). */
    public static AuditKey of(byte[] secret) {
        if (secret.length < BYTES) {
            throw new IllegalArgumentException("an audit key needs at least 256 bits, not " + secret.length * 8);
        }
        return new AuditKey(secret.clone());
    }

    /**
     * The key in {@code file}, created there with 256 random bits (base64, owner read and write only)
     * when there is none.
     *
     * @throws IllegalStateException when the file cannot be read or created, or holds no valid key
     */
    public static AuditKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] secret;
            try {
                secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the audit key " + file + " is not base64 (审计密钥文件格式错误)", e);
            }
            if (secret.length < BYTES) {
                throw new IllegalStateException("the audit key " + file + " holds " + secret.length * 8
                        + " bits, at least 256 are needed (审计密钥过短)");
            }
            return new AuditKey(secret);
        } catch (IOException e) {
            throw new IllegalStateException("the audit key " + file + " cannot be read or created: " + e
                    + " (无法读取或创建审计密钥)", e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] secret = new byte[BYTES];
        new SecureRandom().nextBytes(secret);
        byte[] text = (Base64.getEncoder().encodeToString(secret) + "\n").getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(secret, (byte) 0);
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        // written beside it, readable by the owner only from the start, then renamed: never a half key
        Path partial = folder.resolve(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(ownerOnly));
        } else {
            Files.createFile(partial);
        }
        Files.write(partial, text);
        Files.move(partial, file);
    }

    /** {@code HMAC-SHA256(key, previous ‖ canonical)}. */
    byte[] chain(byte[] previous, byte[] canonical) {
        Mac mac = chaining.get();
        mac.update(previous);
        return mac.doFinal(canonical);
    }

    /** The signature of a checkpoint, in hexadecimal. */
    String sign(long sequence, String headMac, long count, Instant at) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF("QC-AUDIT-CHECKPOINT-1");
            out.writeLong(sequence);
            out.writeUTF(headMac);
            out.writeLong(count);
            out.writeLong(at.getEpochSecond());
            out.writeInt(at.getNano());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Hex.of(hmac(checkpoints, bytes.toByteArray()));
    }

    /** Whether {@code signature} is this key's signature of the checkpoint; compared in constant time. */
    boolean signed(long sequence, String headMac, long count, Instant at, String signature) {
        byte[] given = Hex.mac(signature);
        return given != null && headMac != null && at != null
                && MessageDigest.isEqual(Hex.mac(sign(sequence, headMac, count, at)), given);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        return keyed(key).doFinal(data);
    }

    private static Mac keyed(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
