package org.qiancheng.core.internal.deploy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import jdk.security.jarsigner.JarSigner;

/** Keys made by the JDK's keytool in a test folder, and jars signed with them as jarsigner signs. */
final class TestSigning {

    /** The development key of the repository, which the distribution trusts by default. */
    static final Path DEV_P12 = Path.of("../../build/dev-signing/qiancheng-dev.p12");
    static final Path DEV_CRT = Path.of("../../build/dev-signing/qiancheng-dev.crt");
    static final String DEV_PASSWORD = "qiancheng-dev";

    private TestSigning() {
    }

    static KeyStore.PrivateKeyEntry key(Path p12, String alias, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, password.toCharArray());
        }
        return (KeyStore.PrivateKeyEntry) store.getEntry(alias, new KeyStore.PasswordProtection(password.toCharArray()));
    }

    static KeyStore.PrivateKeyEntry devKey() throws Exception {
        return key(DEV_P12, "qiancheng-dev", DEV_PASSWORD);
    }

    /** Runs keytool with the store and password {@code changeit} in {@code dir}. */
    static void keytool(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-noprompt", "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit",
                "-keystore", "keys.p12"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + ": " + output);
        }
    }

    /** A new RSA key with a self-signed certificate, {@code extra} keytool options added. */
    static KeyStore.PrivateKeyEntry selfSigned(Path dir, String alias, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize",
                "2048", "-dname", "CN=" + alias + ", O=Test"));
        args.addAll(List.of(extra));
        keytool(dir, args.toArray(String[]::new));
        return key(dir.resolve("keys.p12"), alias, "changeit");
    }

    static X509Certificate certificate(KeyStore.PrivateKeyEntry key) {
        return (X509Certificate) key.getCertificate();
    }

    static X509Certificate read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    static byte[] sign(byte[] jar, KeyStore.PrivateKeyEntry key) throws Exception {
        Path unsigned = Files.createTempFile("unsigned-", ".jar");
        try {
            Files.write(unsigned, jar);
            ByteArrayOutputStream signed = new ByteArrayOutputStream();
            try (ZipFile in = new ZipFile(unsigned.toFile())) {
                new JarSigner.Builder(key).digestAlgorithm("SHA-256").signerName("SIGNER").build().sign(in, signed);
            }
            return signed.toByteArray();
        } finally {
            Files.delete(unsigned);
        }
    }

    /**
     * The jar's entries copied as they are (signature files and manifest included), each passed
     * through {@code edit} by name; {@code added} entries appended.
     */
    static byte[] rewrite(byte[] jar, java.util.function.BiFunction<String, byte[], byte[]> edit, String added)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = edit.apply(entry.getName(), in.readAllBytes());
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
            if (added != null) {
                out.putNextEntry(new ZipEntry(added));
                out.write("{}".getBytes());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
