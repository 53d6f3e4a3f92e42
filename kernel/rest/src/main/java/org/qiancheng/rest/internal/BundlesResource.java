package org.qiancheng.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.qiancheng.api.deploy.DeployedFile;
import org.qiancheng.api.deploy.Deployments;

/**
 * The hot folder {@code QC_HOME/deploy/}: its jars and what became of each; a region bundle uploaded
 * as the request body is written there (aside first, then renamed in) and takes the path of a jar
 * copied there: installed beside the version it replaces, validated with its own cases, and in
 * force only once valid. Uploads and removals enter the audit trail.
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

    private final Deployments deployments;

    @Activate
    public BundlesResource(@Reference Deployments deployments) {
        this.deployments = deployments;
    }

    /** {@code GET /api/v1/bundles}: every jar in deploy/ with its size, SHA-256, status and reason. */
    @OperationId("listBundles")
    @GET
    public List<DeployedFile> list() {
        return deployments.files();
    }

    /**
     * The jar as the body ({@code application/java-archive} or {@code application/octet-stream}):
     * 202 with the file written; 422 naming {@code body} and the rule when it is not a complete jar,
     * not an OSGi bundle, carries no region policy, is larger than 50 MB or is not signed by a
     * certificate of {@code etc/trust/} with every entry intact (nothing written); 409 when that
     * version's file is in {@code deploy/} already.
     */
    @OperationId("uploadBundle")
    @POST
    @Consumes({"application/java-archive", MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(InputStream body) {
        return Response.accepted(deployments.upload(read(body))).build();
    }

    /** {@code DELETE /api/v1/bundles/{file}}: the jar leaves deploy/ and its bundles are uninstalled; 404 when absent. */
    @OperationId("removeBundle")
    @DELETE
    @Path("{file}")
    public DeployedFile remove(@PathParam("file") String file) {
        return deployments.remove(file);
    }

    private static byte[] read(InputStream body) {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ProblemException(Problems.of(422, "body: a bundle may be at most 50 MB",
                        "body：组件包不得超过 50 MB", null, List.of(new org.qiancheng.engine.Violation("body",
                                "max-size:50MB", "a bundle may be at most 50 MB"))));
            }
            if (bytes.length == 0) {
                throw new ProblemException(Problems.of(422, "body: the bundle's jar is the request body",
                        "body：请求体须为组件包 jar 文件", null, List.of(new org.qiancheng.engine.Violation("body",
                                "required", "the bundle's jar is the request body"))));
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
