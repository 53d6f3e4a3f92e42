package org.qiancheng.core.internal.deploy;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.apache.felix.fileinstall.ArtifactListener;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qiancheng.api.deploy.DeployStatus;
import org.qiancheng.core.internal.registry.Arrivals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the region bundles of {@code deploy/} in FileInstall's place, so that a refused version
 * never takes the place of a working one. FileInstall would update a bundle in place: the old
 * revision is gone before the new one is validated. Here a jar that arrives (or changes) is
 * checked as a jar first, then installed as a bundle of its own beside the version it replaces and
 * started; only when the registry has validated every policy it registers is the previous bundle
 * from that file uninstalled. A refused candidate stays installed so that {@code GET /policies}
 * shows it REFUSED with its reasons, while the previous version goes on deciding. The last
 * accepted jar of each file is kept in {@code data/accepted-bundles/}, so that after a restart the
 * same version decides even when {@code deploy/} holds a refused one.
 *
 * <p>It handles the jars of {@code deploy/} that declare a region policy and those that are not
 * readable bundles at all (refused, with a WARN); any other bundle is left to FileInstall.
 */
@Component(service = {ArtifactInstaller.class, ArtifactListener.class, RegionArtifacts.class})
public final class RegionArtifacts implements ArtifactInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(RegionArtifacts.class);
    private static final Duration FOR_SERVICE = Duration.ofSeconds(5);
    private static final Duration FOR_VALIDATION = Duration.ofSeconds(120);
    private static final String LOCATION = "qiancheng:deploy/";

    /** What became of one file; changed only under this component's lock. */
    record Slot(DeployStatus status, String sha256, String reason, Bundle inForce, String inForceSha, Bundle refused) {
    }

    private final BundleContext context;
    private final Arrivals arrivals;
    private final Path deploy;
    private final Path accepted;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicLong installs = new AtomicLong();

    @Activate
    public RegionArtifacts(BundleContext context, @Reference Arrivals arrivals) {
        this.context = context;
        this.arrivals = arrivals;
        String home = context.getProperty("qc.home");
        Path root = Path.of(home == null ? "runtime" : home).toAbsolutePath().normalize();
        this.deploy = root.resolve("deploy");
        this.accepted = root.resolve("data").resolve("accepted-bundles");
        forgetKeptCopiesOfRemovedFiles();
    }

    /**
     * Takes over the bundles installed from deploy/ by an earlier instance of this component (the
     * registry was reconfigured, say), so that the next change to their file replaces them.
     */
    @Activate
    void adopt() throws InterruptedException {
        for (Bundle bundle : context.getBundles()) {
            String[] location = bundle.getLocation().split("#");
            if (!location[0].startsWith(LOCATION) || location.length < 3) {
                continue;
            }
            String file = location[0].substring(LOCATION.length());
            Slot slot = slots.getOrDefault(file, new Slot(DeployStatus.PENDING, null, null, null, null, null));
            Arrivals.Outcome outcome = arrivals.checked(bundle, Duration.ZERO, FOR_SERVICE);
            slots.put(file, outcome.valid()
                    ? new Slot(slot.refused() == null ? DeployStatus.ACCEPTED : slot.status(), slot.sha256() == null
                            ? location[1] : slot.sha256(), slot.reason(), bundle, location[1], slot.refused())
                    : new Slot(DeployStatus.REFUSED, location[1], String.join("; ", outcome.refusals()), slot.inForce(),
                            slot.inForceSha(), bundle));
        }
    }

    Path deploy() {
        return deploy;
    }

    /** @return what became of a file of {@code deploy/}, when it was handled here */
    Optional<Slot> slot(String file) {
        return Optional.ofNullable(slots.get(file));
    }

    @Override
    public boolean canHandle(File artifact) {
        Path path = artifact.toPath().toAbsolutePath().normalize();
        if (!deploy.equals(path.getParent()) || !artifact.getName().endsWith(".jar") || !artifact.isFile()) {
            return false;
        }
        try {
            return JarCheck.inspect(Files.readAllBytes(path)).regionPolicy();
        } catch (JarCheck.Refusal e) {
            return true; // refused here, visibly, rather than retried by FileInstall at every poll
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized void install(File artifact) throws Exception {
        String file = artifact.getName();
        Path kept = accepted.resolve(file);
        byte[] jar = Files.readAllBytes(artifact.toPath());
        if (!slots.containsKey(file) && Files.isRegularFile(kept)) {
            byte[] keptJar = Files.readAllBytes(kept);
            if (!JarCheck.sha256(keptJar).equals(JarCheck.sha256(jar))) {
                // a restart: the jar accepted last decides again, whatever deploy/ holds now
                arrive(file, keptJar, true);
            }
        }
        arrive(file, jar, false);
    }

    @Override
    public synchronized void update(File artifact) throws Exception {
        arrive(artifact.getName(), Files.readAllBytes(artifact.toPath()), false);
    }

    @Override
    public synchronized void uninstall(File artifact) throws Exception {
        String file = artifact.getName();
        Slot slot = slots.remove(file);
        Files.deleteIfExists(accepted.resolve(file));
        if (slot != null) {
            uninstall(slot.refused());
            uninstall(slot.inForce());
            LOG.info("{} removed from deploy/; its bundles are uninstalled", file);
        }
    }

    private void arrive(String file, byte[] jar, boolean keptCopy) throws InterruptedException {
        Slot slot = slots.getOrDefault(file, new Slot(DeployStatus.PENDING, null, null, null, null, null));
        String sha = JarCheck.sha256(jar);
        if (sha.equals(slot.inForceSha())) {
            uninstall(slot.refused());
            slots.put(file, new Slot(DeployStatus.ACCEPTED, sha, null, slot.inForce(), sha, null));
            return;
        }
        JarCheck.Inspected candidate;
        try {
            candidate = JarCheck.regionPolicy(jar);
            if (slot.inForce() != null && slot.inForce().getSymbolicName().equals(candidate.symbolicName())
                    && slot.inForce().getVersion().toString().equals(candidate.version())) {
                throw new JarCheck.Refusal("bundle-version", candidate.symbolicName() + " " + candidate.version()
                        + " 已安装且内容不同：修改后的组件包需要新的 Bundle-Version", candidate.symbolicName() + " "
                        + candidate.version() + " is installed already with other content: a changed bundle needs"
                        + " a new Bundle-Version");
            }
        } catch (JarCheck.Refusal e) {
            refuse(file, slot, sha, e.getMessage());
            return;
        }
        Bundle bundle;
        try {
            bundle = context.installBundle(LOCATION + file + "#" + sha + "#" + installs.incrementAndGet(),
                    new ByteArrayInputStream(jar));
        } catch (BundleException e) {
            refuse(file, slot, sha, "cannot be installed: " + e.getMessage());
            return;
        }
        try {
            bundle.start();
        } catch (BundleException | RuntimeException e) {
            uninstall(bundle);
            refuse(file, slot, sha, "cannot be started: " + e.getMessage());
            return;
        }
        Arrivals.Outcome outcome = arrivals.checked(bundle, FOR_SERVICE, FOR_VALIDATION);
        if (outcome.valid()) {
            uninstall(slot.refused());
            uninstall(slot.inForce());
            slots.put(file, new Slot(DeployStatus.ACCEPTED, sha, null, bundle, sha, null));
            keep(file, jar, keptCopy);
            LOG.info("{}: {} {} accepted{}", file, candidate.symbolicName(), candidate.version(),
                    slot.inForce() == null ? "" : "; it replaces " + slot.inForce().getVersion());
        } else if (outcome.versions().isEmpty()) {
            // no policy to show in /policies: uninstalled, and the reason is in /bundles
            uninstall(bundle);
            refuse(file, slot, sha, String.join("; ", outcome.refusals()));
        } else {
            // the registry logged the refusal (one WARN); the bundle stays installed so /policies shows why
            uninstall(slot.refused());
            slots.put(file, new Slot(DeployStatus.REFUSED, sha, String.join("; ", outcome.refusals()), slot.inForce(),
                    slot.inForceSha(), bundle));
            if (slot.inForce() != null) {
                LOG.info("{}: {} {} refused; {} {} goes on deciding", file, candidate.symbolicName(),
                        candidate.version(), slot.inForce().getSymbolicName(), slot.inForce().getVersion());
            }
        }
    }

    private void refuse(String file, Slot slot, String sha, String reason) {
        uninstall(slot.refused());
        slots.put(file, new Slot(DeployStatus.REFUSED, sha, reason, slot.inForce(), slot.inForceSha(), null));
        LOG.warn("{} in deploy/ REFUSED: {}{}", file, reason, slot.inForce() == null ? ""
                : "; " + slot.inForce().getSymbolicName() + " " + slot.inForce().getVersion() + " goes on deciding");
    }

    private void keep(String file, byte[] jar, boolean keptCopy) {
        if (keptCopy) {
            return;
        }
        try {
            Files.createDirectories(accepted);
            Path aside = Files.createTempFile(accepted, ".kept-", ".part");
            Files.write(aside, jar);
            Files.move(aside, accepted.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Accepted jar {} not kept for the next start: {}", file, e.toString());
        }
    }

    private void uninstall(Bundle bundle) {
        if (bundle == null || bundle.getState() == Bundle.UNINSTALLED) {
            return;
        }
        try {
            bundle.uninstall();
            context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle));
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("Bundle {} {} not uninstalled: {}", bundle.getSymbolicName(), bundle.getVersion(), e.toString());
        }
    }

    /** At start: a kept copy whose file left deploy/ while the platform was down is forgotten. */
    private void forgetKeptCopiesOfRemovedFiles() {
        if (!Files.isDirectory(accepted)) {
            return;
        }
        try (var kept = Files.list(accepted)) {
            for (Path copy : kept.toList()) {
                if (!Files.exists(deploy.resolve(copy.getFileName()))) {
                    Files.deleteIfExists(copy);
                }
            }
        } catch (IOException e) {
            LOG.warn("Kept copies in {} not checked: {}", accepted, e.toString());
        }
    }
}
