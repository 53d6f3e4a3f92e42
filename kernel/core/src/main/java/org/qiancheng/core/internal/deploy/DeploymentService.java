package org.qiancheng.core.internal.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.deploy.DeployStatus;
import org.qiancheng.api.deploy.DeployedFile;
import org.qiancheng.api.deploy.Deployments;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.workflow.Operators;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.persistence.WorkflowStore;

/**
 * {@link Deployments} over the hot folder: lists its jars with what {@link RegionArtifacts} made
 * of them, and uploads or removes one, each with an audit entry ({@code bundle.uploaded},
 * {@code bundle.removed}; entity {@code bundle}, id 0: a file has no record id) written in the
 * transaction that the file operation completes.
 */
@Component
public final class DeploymentService implements Deployments {

    /**
     * What the audit trail keeps of an uploaded or removed bundle; {@code signer}, the subject of the
     * trusted certificate an upload was signed by, is null for a removal.
     */
    public record BundleAuditEntry(String file, String symbolicName, String version, long size, String sha256,
            String signer) {
    }

    static final String ENTITY = "bundle";

    private final RegionArtifacts artifacts;
    private final WorkflowStore store;
    private final Clock clock;

    @Activate
    public DeploymentService(@Reference RegionArtifacts artifacts, @Reference WorkflowStore store,
            @Reference Clock clock) {
        this.artifacts = artifacts;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public List<DeployedFile> files() {
        List<DeployedFile> files = new ArrayList<>();
        try (Stream<Path> jars = Files.list(artifacts.deploy())) {
            for (Path jar : jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                read(jar).ifPresent(files::add);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    @Override
    public DeployedFile upload(byte[] jar) {
        JarCheck.Inspected bundle;
        JarSignature.Signer signer;
        try {
            bundle = JarCheck.regionPolicy(jar);
            // only uploads need a signature: whoever writes into deploy/ directly is trusted already.
            // Real time, not the platform's clock: a frozen demonstration day must not revive a certificate
            signer = JarSignature.verify(jar, TrustedCertificates.in(trust()), Instant.now());
        } catch (JarCheck.Refusal e) {
            throw new WorkflowException(WorkflowException.Kind.INVALID, "body", e.rule, e.why);
        }
        Path target = artifacts.deploy().resolve(bundle.fileName());
        if (Files.exists(target)) {
            throw new WorkflowException(WorkflowException.Kind.CONFLICT, "body", "unique:file", new LocalizedText(
                    bundle.symbolicName() + " " + bundle.version() + " 已在 deploy/ 中（" + target.getFileName()
                            + "）；如需替换，请先删除", bundle.symbolicName() + " " + bundle.version()
                            + " is in deploy/ already (" + target.getFileName() + "); remove it first to replace it"));
        }
        BundleAuditEntry entry = new BundleAuditEntry(bundle.fileName(), bundle.symbolicName(), bundle.version(),
                bundle.size(), bundle.sha256(), signer.subject());
        store.transaction(tx -> {
            tx.audit().append(clock.instant(), Operators.current(), ENTITY + ".uploaded", ENTITY, 0, null, entry);
            write(jar, target);
            return null;
        });
        return new DeployedFile(entry.file(), entry.symbolicName(), entry.version(), entry.size(), entry.sha256(),
                DeployStatus.PENDING, null, null);
    }

    @Override
    public DeployedFile remove(String file) {
        if (file == null || !file.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*\\.jar") || file.contains("..")) {
            throw new WorkflowException(WorkflowException.Kind.INVALID, "file", "jar-file-name", new LocalizedText(
                    "须为 deploy/ 中的 jar 文件名（字母、数字、'.'、'_'、'-'，以 .jar 结尾）",
                    "must be the name of a jar in deploy/ (letters, digits, '.', '_', '-', ending in .jar)"));
        }
        Path target = artifacts.deploy().resolve(file).normalize();
        DeployedFile found = (target.getParent().equals(artifacts.deploy()) && Files.isRegularFile(target)
                ? read(target) : java.util.Optional.<DeployedFile>empty())
                .orElseThrow(() -> new WorkflowException(WorkflowException.Kind.NOT_FOUND, "file", "exists",
                        new LocalizedText("deploy/ 中没有 " + file, "there is no " + file + " in deploy/")));
        BundleAuditEntry entry = new BundleAuditEntry(found.file(), found.symbolicName(), found.version(),
                found.size(), found.sha256(), null);
        store.transaction(tx -> {
            tx.audit().append(clock.instant(), Operators.current(), ENTITY + ".removed", ENTITY, 0, entry, null);
            try {
                Files.delete(target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
        return found;
    }

    /** {@code QC_HOME/etc/trust/}: the certificates uploads may be signed by. */
    private Path trust() {
        return artifacts.deploy().resolveSibling("etc").resolve("trust");
    }

    private java.util.Optional<DeployedFile> read(Path jar) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(jar);
        } catch (java.nio.file.NoSuchFileException e) {
            return java.util.Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String file = jar.getFileName().toString();
        String sha = JarCheck.sha256(bytes);
        String name = null;
        String version = null;
        DeployStatus status;
        String reason = null;
        String inForce = null;
        try {
            JarCheck.Inspected inspected = JarCheck.inspect(bytes);
            name = inspected.symbolicName();
            version = inspected.version();
            status = inspected.regionPolicy() ? DeployStatus.PENDING : DeployStatus.UNMANAGED;
        } catch (JarCheck.Refusal e) {
            status = DeployStatus.PENDING;
        }
        var slot = artifacts.slot(file);
        if (slot.isPresent() && sha.equals(slot.get().sha256())) {
            status = slot.get().status();
            reason = slot.get().reason();
        }
        if (slot.isPresent() && slot.get().inForce() != null) {
            inForce = slot.get().inForce().getVersion().toString();
        }
        return java.util.Optional.of(new DeployedFile(file, name, version, bytes.length, sha, status, reason, inForce));
    }

    private void write(byte[] jar, Path target) {
        try {
            Path deploy = artifacts.deploy();
            Files.createDirectories(deploy);
            // written beside deploy/, not in it, so FileInstall never picks up a half-written file
            Path aside = Files.createTempFile(deploy.getParent(), ".upload-", ".jar");
            Files.write(aside, jar);
            try {
                Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(aside, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
