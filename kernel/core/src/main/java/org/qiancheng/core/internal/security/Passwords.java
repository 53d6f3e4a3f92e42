package org.qiancheng.core.internal.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.function.BiPredicate;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.qiancheng.persistence.AccountTx.PasswordHash;

/**
 * PBKDF2-HMAC-SHA256 from the JDK: a random 16-byte salt per password, a 256-bit key, and the
 * algorithm and iterations stored with it, so that a password hashed with fewer iterations still
 * verifies after the work factor rises. Keys are compared in constant time.
 */
final class Passwords {

    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    static final int SALT_BYTES = 16;
    static final int KEY_BITS = 256;
    /** The comparison of derived keys: {@link MessageDigest#isEqual} takes the same time wherever they differ. */
    static final BiPredicate<byte[], byte[]> CONSTANT_TIME = MessageDigest::isEqual;

    private final SecureRandom random;
    private final int iterations;
    private final BiPredicate<byte[], byte[]> equal;

    Passwords(SecureRandom random, int iterations) {
        this(random, iterations, CONSTANT_TIME);
    }

    Passwords(SecureRandom random, int iterations, BiPredicate<byte[], byte[]> equal) {
        this.random = random;
        this.iterations = iterations;
        this.equal = equal;
    }

    /** A new hash of a password, with a fresh salt and the configured iterations. */
    PasswordHash hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(ALGORITHM, iterations, salt, derive(password, salt, iterations));
    }

    /** Whether a password is the one stored, with the stored salt and iterations. */
    boolean matches(String password, PasswordHash stored) {
        if (!ALGORITHM.equals(stored.algorithm())) {
            throw new IllegalStateException("unknown password algorithm " + stored.algorithm());
        }
        return equal.test(derive(password, stored.salt(), stored.iterations()), stored.hash());
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}
