package org.qiancheng.core.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificates an uploaded bundle may be signed by: every {@code .crt} or {@code .pem} file of
 * {@code QC_HOME/etc/trust/}, PEM (one or more certificates) or DER. Read at every upload, so that
 * a certificate added or removed applies to the next upload without a restart; uploads are rare.
 */
final class TrustedCertificates {

    private static final Logger LOG = LoggerFactory.getLogger(TrustedCertificates.class);

    private TrustedCertificates() {
    }

    /** @return the certificates of the folder; none when it is missing. An unreadable file is skipped with a WARN. */
    static List<X509Certificate> in(Path folder) {
        List<X509Certificate> certificates = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return certificates;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(TrustedCertificates::isCertificateFile).sorted().toList();
        } catch (IOException e) {
            LOG.warn("Trusted certificates in {} not read: {}", folder, e.toString());
            return certificates;
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                // generateCertificates reads DER and PEM alike, several PEM blocks in one file too
                for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    if (certificate instanceof X509Certificate x509) {
                        certificates.add(x509);
                    }
                }
            } catch (IOException | CertificateException e) {
                LOG.warn("{} in etc/trust/ is no readable X.509 certificate (PEM or DER), so it is not trusted: {}",
                        file.getFileName(), e.toString());
            }
        }
        return certificates;
    }

    private static boolean isCertificateFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".crt") || name.endsWith(".pem"));
    }
}
