package org.qiancheng.distribution;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import jdk.security.jarsigner.JarSigner;

/**
 * Jars signed in a test as {@code jarsigner} signs them (the JDK's {@link JarSigner}): with the
 * repository's development key, which a new platform trusts, or with a throwaway key made by the
 * JDK's keytool, which it does not.
 */
final class JarSigning {

    static final Path REPO = Path.of(System.getProperty("qc.repo", ".."));
    static final Path DEV_P12 = REPO.resolve("build/dev-signing/qiancheng-dev.p12");

    private JarSigning() {
    }

    static KeyStore.PrivateKeyEntry devKey() throws Exception {
        return key(DEV_P12, "qiancheng-dev", "qiancheng-dev");
    }

    /** A new self-signed RSA key in {@code dir}, trusted by nobody. */
    static KeyStore.PrivateKeyEntry throwawayKey(Path dir) throws Exception {
        Path store = dir.resolve("throwaway.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-noprompt", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass",
                "changeit", "-alias", "throwaway", "-keyalg", "RSA", "-keysize", "2048", "-dname",
                "CN=Throwaway test key, O=Nobody").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool: " + output);
        }
        return key(store, "throwaway", "changeit");
    }

    static KeyStore.PrivateKeyEntry key(Path p12, String alias, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, password.toCharArray());
        }
        return (KeyStore.PrivateKeyEntry) store.getEntry(alias, new KeyStore.PasswordProtection(password.toCharArray()));
    }

    static byte[] sign(byte[] jar, KeyStore.PrivateKeyEntry key) throws Exception {
        Path unsigned = Files.createTempFile(Path.of("target"), "unsigned-", ".jar");
        try {
            Files.write(unsigned, jar);
            ByteArrayOutputStream signed = new ByteArrayOutputStream();
            try (ZipFile in = new ZipFile(unsigned.toFile())) {
                new JarSigner.Builder(key).digestAlgorithm("SHA-256").signerName("TEST").build().sign(in, signed);
            }
            return signed.toByteArray();
        } finally {
            Files.delete(unsigned);
        }
    }

    /** Every entry copied as it is (manifest and signature files too), each passed through {@code edit}. */
    static byte[] edit(byte[] jar, BiFunction<String, byte[], byte[]> edit) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(edit.apply(entry.getName(), in.readAllBytes()));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** @return the names of the signature files in a jar's META-INF/ */
    static List<String> signatureFiles(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith("META-INF/")
                    && (n.endsWith(".SF") || n.endsWith(".RSA"))).sorted().toList();
        }
    }
}
