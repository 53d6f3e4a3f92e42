package org.qiancheng.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code POST /api/v1/bundles}: a region bundle uploaded as the request body is put into
 * {@code QC_HOME/deploy/} (written aside, then renamed in, so FileInstall never sees half a file)
 * and takes the same path as a jar copied there: installed, validated with its own cases, then
 * STANDBY, ACTIVE or REFUSED in {@code GET /api/v1/policies}.
 */
@Component(service = BundlesResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.bundles")
@JSONRequired
@Path("v1/bundles")
@Produces(MediaType.APPLICATION_JSON)
public final class BundlesResource {

    /** The largest bundle accepted. */
    static final int MAX_BYTES = 50 * 1024 * 1024;

    /** What was accepted: the bundle and the file it became. */
    public record Accepted(String symbolicName, String version, String file) {
    }

    private final java.nio.file.Path deploy;

    @Activate
    public BundlesResource(BundleContext context) {
        String home = context.getProperty("qc.home");
        this.deploy = java.nio.file.Path.of(home == null ? "runtime" : home).resolve("deploy");
    }

    /**
     * The jar as the body ({@code application/java-archive} or {@code application/octet-stream}):
     * 202 with its symbolic name, version and file; 422 naming {@code body} when it is not a jar
     * with {@code Bundle-SymbolicName} and {@code Bundle-Version}, or is larger than 50 MB; 409 when
     * that version's file is in {@code deploy/} already.
     */
    @POST
    @Consumes({"application/java-archive", MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(InputStream body) {
        byte[] jar = read(body);
        Manifest manifest = manifest(jar);
        String name = header(manifest, "Bundle-SymbolicName").split(";")[0].strip();
        String version = header(manifest, "Bundle-Version").strip();
        try {
            Version.parseVersion(version);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("body", "bundle-version", "Bundle-Version '" + version + "' is not an OSGi version");
        }
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw Problems.invalid("body", "bundle-symbolic-name", "Bundle-SymbolicName '" + name
                    + "' may hold letters, digits, '.', '_' and '-' only");
        }
        java.nio.file.Path target = deploy.resolve(name + "-" + version + ".jar");
        if (Files.exists(target)) {
            throw new ProblemException(Problems.of(409, name + " " + version + " is in deploy/ already ("
                    + target.getFileName() + "); remove it first to replace it", null));
        }
        write(jar, target);
        return Response.accepted(new Accepted(name, version, target.getFileName().toString())).build();
    }

    private static byte[] read(InputStream body) {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw Problems.invalid("body", "max-size:50MB", "a bundle may be at most 50 MB");
            }
            if (bytes.length == 0) {
                throw Problems.invalid("body", "required", "the bundle's jar is the request body");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Manifest manifest(byte[] jar) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            if (manifest == null) {
                throw Problems.invalid("body", "jar-manifest", "not a jar with a manifest");
            }
            return manifest;
        } catch (IOException e) {
            throw Problems.invalid("body", "jar-manifest", "not a jar: " + e.getMessage());
        }
    }

    private static String header(Manifest manifest, String name) {
        String value = manifest.getMainAttributes().getValue(name);
        if (value == null || value.isBlank()) {
            throw Problems.invalid("body", name, "the manifest has no " + name + ": not an OSGi bundle");
        }
        return value;
    }

    private void write(byte[] jar, java.nio.file.Path target) {
        try {
            Files.createDirectories(deploy);
            // written beside deploy/, not in it, so FileInstall never picks up a half-written file
            java.nio.file.Path aside = Files.createTempFile(deploy.getParent(), ".upload-", ".jar");
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
