package org.qiancheng.core.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Whether an uploaded jar is signed, as {@code jarsigner} signs, by a trusted certificate: every
 * entry but the signature files themselves covered by one signer, every digest matching, and that
 * signer's certificate one of the trusted ones or issued (through its chain) by one of them.
 *
 * <p>{@link JarFile} verifies lazily and quietly: an entry's digest is checked only when the entry
 * has been read to its end (a mismatch then throws {@link SecurityException}), and an entry the
 * signature does not cover — added after signing, or whose manifest section was changed — simply
 * has no code signers, with no exception at all. So every entry is read fully and its signers are
 * asked for afterwards; an entry without signers refuses the jar.
 *
 * <p>Certificates are checked against the real time of the upload, not the platform's clock (which
 * a demonstration may freeze): an expired certificate, or one not valid yet, refuses the upload.
 * Signature timestamps are not honoured; a bundle accepted earlier is not checked again.
 */
final class JarSignature {

    /** The signer that vouches for a whole jar. */
    record Signer(X509Certificate certificate) {

        String subject() {
            return certificate.getSubjectX500Principal().getName();
        }
    }

    private JarSignature() {
    }

    /**
     * @param jar the uploaded bytes, already known to be a complete jar ({@link JarCheck})
     * @param trusted the certificates of {@code etc/trust/}
     * @param at the moment certificates must be valid at
     * @return the trusted signer covering every entry
     * @throws JarCheck.Refusal rule {@code signature:unsigned}, {@code signature:tampered},
     *         {@code signature:untrusted} or {@code signature:expired}
     */
    static Signer verify(byte[] jar, List<X509Certificate> trusted, Instant at) throws JarCheck.Refusal {
        Path copy = null;
        try {
            // JarFile verifies only files; the copy lives as long as this check
            copy = Files.createTempFile("qiancheng-upload-", ".jar");
            Files.write(copy, jar);
            return trustedSigner(signersOfEveryEntry(copy), trusted, Date.from(at));
        } catch (IOException e) {
            throw new JarCheck.Refusal("jar", "jar 文件无法读取：" + e.getMessage(), "the jar cannot be read: " + e.getMessage());
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    copy.toFile().deleteOnExit();
                }
            }
        }
    }

    /** The signers that sign every entry (the intersection), each entry read fully first. */
    private static Set<CodeSigner> signersOfEveryEntry(Path copy) throws IOException, JarCheck.Refusal {
        Set<CodeSigner> common = null;
        List<String> notCovered = new ArrayList<>();
        boolean hasSignatureFile = false;
        try (JarFile file = new JarFile(copy.toFile(), true)) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements();) {
                JarEntry entry = entries.nextElement();
                try (InputStream in = file.getInputStream(entry)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                if (isSignatureFile(entry.getName())) {
                    hasSignatureFile |= entry.getName().toUpperCase(Locale.ROOT).endsWith(".SF");
                    continue;
                }
                if (entry.isDirectory()) {
                    continue;
                }
                CodeSigner[] signers = entry.getCodeSigners(); // known only now that the entry was read to its end
                if (signers == null) {
                    notCovered.add(entry.getName());
                    continue;
                }
                Set<CodeSigner> these = new HashSet<>(List.of(signers));
                if (common == null) {
                    common = these;
                } else {
                    common.retainAll(these);
                }
            }
        } catch (SecurityException e) {
            throw new JarCheck.Refusal("signature:tampered", "签名无效，jar 在签名后被修改：" + e.getMessage(),
                    "the signature does not match: the jar was changed after signing (" + e.getMessage() + ")");
        }
        if (!hasSignatureFile || common == null) {
            throw new JarCheck.Refusal("signature:unsigned", "组件包未签名：上传的组件包须由 etc/trust/ 中的证书签名（jarsigner）",
                    "the bundle is not signed: an uploaded bundle must be signed (jarsigner) by a certificate in"
                            + " etc/trust/");
        }
        if (!notCovered.isEmpty()) {
            throw new JarCheck.Refusal("signature:tampered", "签名未覆盖条目 " + notCovered.get(0)
                    + "（签名后被添加或修改）", "the entry " + notCovered.get(0)
                    + " is not covered by the signature (added or changed after signing)");
        }
        if (common.isEmpty()) {
            throw new JarCheck.Refusal("signature:tampered", "没有一个签名者覆盖全部条目",
                    "no one signer covers every entry");
        }
        return common;
    }

    private static Signer trustedSigner(Set<CodeSigner> signers, List<X509Certificate> trusted, Date at)
            throws JarCheck.Refusal {
        JarCheck.Refusal expired = null;
        Set<String> subjects = new LinkedHashSet<>();
        for (CodeSigner signer : signers) {
            List<X509Certificate> chain = new ArrayList<>();
            signer.getSignerCertPath().getCertificates().forEach(c -> chain.add((X509Certificate) c));
            subjects.add(chain.get(0).getSubjectX500Principal().getName());
            try {
                if (trusts(chain, trusted, at)) {
                    return new Signer(chain.get(0));
                }
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                expired = new JarCheck.Refusal("signature:expired", "签名证书在当前时间无效（已过期或尚未生效）："
                        + chain.get(0).getSubjectX500Principal().getName(), "the signing certificate is not valid now"
                        + " (expired or not yet valid): " + chain.get(0).getSubjectX500Principal().getName());
            }
        }
        if (expired != null) {
            throw expired;
        }
        throw new JarCheck.Refusal("signature:untrusted", "签名证书不受信任（不在 etc/trust/ 中，也不由其中的证书签发）："
                + String.join("; ", subjects), "the bundle is signed by an untrusted certificate (neither in"
                + " etc/trust/ nor issued by one there): " + String.join("; ", subjects));
    }

    /**
     * The chain up to the first trusted certificate in it, validated by PKIX against the trusted
     * certificates as anchors (without revocation: these networks often reach no CRL or OCSP); the
     * signer's certificate itself trusted needs no path, only to be valid at the time.
     */
    private static boolean trusts(List<X509Certificate> chain, List<X509Certificate> trusted, Date at)
            throws CertificateExpiredException, CertificateNotYetValidException {
        if (trusted.isEmpty()) {
            return false;
        }
        int anchorAt = chain.size();
        for (int i = 0; i < chain.size(); i++) {
            if (trusted.contains(chain.get(i))) {
                anchorAt = i;
                break;
            }
        }
        if (anchorAt == 0) {
            chain.get(0).checkValidity(at);
            return true;
        }
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            trusted.forEach(t -> anchors.add(new TrustAnchor(t, null)));
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(chain.subList(0, anchorAt)), parameters);
            return true;
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                throw new CertificateExpiredException(e.getMessage());
            }
            if (e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                throw new CertificateNotYetValidException(e.getMessage());
            }
            return false;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** What {@code jarsigner} itself never signs: the manifest and the signature files of META-INF/. */
    private static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.equals("META-INF/MANIFEST.MF")) {
            return true;
        }
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return upper.endsWith(".SF") || upper.endsWith(".DSA") || upper.endsWith(".RSA") || upper.endsWith(".EC")
                || upper.startsWith("META-INF/SIG-");
    }
}
