package org.qiancheng.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarSignatureTest {

    /** Certificates made by the test are valid from the moment they are made. */
    private static final Instant NOW = Instant.now().plusSeconds(60);

    @TempDir
    static Path keys;
    static KeyStore.PrivateKeyEntry dev;
    static X509Certificate devCertificate;
    static KeyStore.PrivateKeyEntry stranger;

    @BeforeAll
    static void keys() throws Exception {
        dev = TestSigning.devKey();
        devCertificate = TestSigning.read(TestSigning.DEV_CRT);
        stranger = TestSigning.selfSigned(keys, "stranger");
    }

    private static String rule(byte[] jar, List<X509Certificate> trusted) {
        return assertThrows(JarCheck.Refusal.class, () -> JarSignature.verify(jar, trusted, NOW)).rule;
    }

    @Test
    void aJarSignedWithTheDevelopmentKeyIsTrustedThroughItsCertificate() throws Exception {
        assertEquals(TestSigning.certificate(dev), devCertificate, "the committed certificate is the key's");
        JarSignature.Signer signer = JarSignature.verify(TestSigning.sign(JarCheckTest.region(), dev),
                List.of(devCertificate), NOW);
        assertTrue(signer.subject().contains("Qiancheng development"), signer.subject());
    }

    @Test
    void anUnsignedJarIsRefused() throws Exception {
        assertEquals("signature:unsigned", rule(JarCheckTest.region(), List.of(devCertificate)));
    }

    @Test
    void aJarSignedByAnotherKeyIsRefusedAsUntrusted() throws Exception {
        byte[] signed = TestSigning.sign(JarCheckTest.region(), stranger);
        assertEquals("signature:untrusted", rule(signed, List.of(devCertificate)));
        assertEquals("signature:untrusted", rule(signed, List.of()), "nothing trusted: nothing accepted");
    }

    @Test
    void anEntryChangedAfterSigningIsRefused() throws Exception {
        byte[] signed = TestSigning.sign(JarCheckTest.region(), dev);
        byte[] tampered = TestSigning.rewrite(signed, (name, content) -> name.startsWith("cases/")
                ? new String(content, StandardCharsets.UTF_8).replace("1200", "9999").getBytes(StandardCharsets.UTF_8)
                : content, null);
        JarCheck.Refusal refusal = assertThrows(JarCheck.Refusal.class,
                () -> JarSignature.verify(tampered, List.of(devCertificate), NOW));
        assertEquals("signature:tampered", refusal.rule);
        assertTrue(refusal.why.zh().contains("签名"), refusal.why.zh());
    }

    @Test
    void anEntryAddedAfterSigningIsRefusedThoughJarFileRaisesNothingForIt() throws Exception {
        byte[] signed = TestSigning.sign(JarCheckTest.region(), dev);
        byte[] added = TestSigning.rewrite(signed, (name, content) -> content, "cases/added-later.json");
        JarCheck.Refusal refusal = assertThrows(JarCheck.Refusal.class,
                () -> JarSignature.verify(added, List.of(devCertificate), NOW));
        assertEquals("signature:tampered", refusal.rule);
        assertTrue(refusal.getMessage().contains("cases/added-later.json"), refusal.getMessage());
    }

    @Test
    void aManifestChangedAfterSigningIsRefused() throws Exception {
        byte[] signed = TestSigning.sign(JarCheckTest.region(), dev);
        byte[] reversioned = TestSigning.rewrite(signed, (name, content) -> name.equals("META-INF/MANIFEST.MF")
                ? new String(content, StandardCharsets.UTF_8).replace("2026.1.0", "2026.9.0")
                        .getBytes(StandardCharsets.UTF_8) : content, null);
        assertEquals("signature:tampered", rule(reversioned, List.of(devCertificate)));
    }

    @Test
    void aSignerIssuedByATrustedAuthorityIsTrustedAndSoIsTheSignerItself() throws Exception {
        Path dir = Files.createTempDirectory(keys, "chain");
        KeyStore.PrivateKeyEntry ca = TestSigning.selfSigned(dir, "ca", "-ext", "bc:c");
        TestSigning.selfSigned(dir, "team");
        TestSigning.keytool(dir, "-certreq", "-alias", "team", "-file", "team.csr");
        TestSigning.keytool(dir, "-gencert", "-alias", "ca", "-infile", "team.csr", "-outfile", "team.crt", "-rfc");
        TestSigning.keytool(dir, "-exportcert", "-alias", "ca", "-file", "ca.crt", "-rfc");
        Files.writeString(dir.resolve("chain.crt"), Files.readString(dir.resolve("team.crt"))
                + Files.readString(dir.resolve("ca.crt")));
        TestSigning.keytool(dir, "-importcert", "-alias", "team", "-file", "chain.crt");
        KeyStore.PrivateKeyEntry team = TestSigning.key(dir.resolve("keys.p12"), "team", "changeit");
        assertEquals(2, team.getCertificateChain().length);

        byte[] signed = TestSigning.sign(JarCheckTest.region(), team);
        assertTrue(JarSignature.verify(signed, List.of(TestSigning.certificate(ca)), NOW).subject().contains("CN=team"));
        assertTrue(JarSignature.verify(signed, List.of((X509Certificate) team.getCertificate()), NOW).subject()
                .contains("CN=team"));
        assertEquals("signature:untrusted", rule(signed, List.of(devCertificate)));
    }

    @Test
    void anExpiredCertificateIsRefusedAtTheTimeOfTheUpload() throws Exception {
        Path dir = Files.createTempDirectory(keys, "expired");
        KeyStore.PrivateKeyEntry old = TestSigning.selfSigned(dir, "old", "-startdate", "2020/01/01", "-validity", "30");
        byte[] signed = TestSigning.sign(JarCheckTest.region(), old);
        assertEquals("signature:expired", rule(signed, List.of(TestSigning.certificate(old))));
        assertEquals("CN=old,O=Test", JarSignature.verify(signed, List.of(TestSigning.certificate(old)),
                Instant.parse("2020-01-15T00:00:00Z")).subject());
    }

    @Test
    void trustedCertificatesAreReadFromPemAndDerFilesAndJunkIsSkipped() throws Exception {
        Path trust = Files.createTempDirectory(keys, "trust");
        Files.copy(TestSigning.DEV_CRT, trust.resolve("qiancheng-dev.crt"));
        Files.write(trust.resolve("stranger.pem"), TestSigning.certificate(stranger).getEncoded());
        Files.writeString(trust.resolve("broken.crt"), "not a certificate");
        Files.writeString(trust.resolve("README.txt"), "ignored");
        assertEquals(List.of(devCertificate, TestSigning.certificate(stranger)), TrustedCertificates.in(trust));
        assertEquals(List.of(), TrustedCertificates.in(trust.resolve("missing")));
    }
}
