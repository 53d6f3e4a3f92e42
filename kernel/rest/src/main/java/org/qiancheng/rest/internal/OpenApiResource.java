package org.qiancheng.rest.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3.0.3 document of every endpoint under
 * {@code /api/v1}. The document is hand-maintained beside the resources, in
 * {@code openapi/openapi.json} of this bundle; {@code OpenApiIT} fails when a served resource
 * method is missing from it or when it lists one that is not served.
 */
@Component(service = OpenApiResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.openapi")
@JSONRequired
@Path("v1/openapi.json")
public final class OpenApiResource {

    /** Where the document lives in this bundle. */
    static final String DOCUMENT = "/openapi/openapi.json";

    @OperationId("getOpenApi")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String get() {
        return Document.TEXT;
    }

    /** Reads the document once, on the first request, for every instance of the resource. */
    private static final class Document {

        static final String TEXT = read();

        private Document() {
        }

        private static String read() {
            try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
                if (in == null) {
                    throw new IllegalStateException(DOCUMENT + " is missing from the bundle");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
