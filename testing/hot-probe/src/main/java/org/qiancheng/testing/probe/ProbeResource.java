package org.qiancheng.testing.probe;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** Answers with the version of the bundle that carries it, so a test can see which one is live. */
@Component(service = ProbeResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.hot-probe")
@Path("v1/hot-probe")
public final class ProbeResource {

    private final String version;

    @Activate
    public ProbeResource(BundleContext context) {
        this.version = context.getBundle().getVersion().toString();
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String version() {
        return "hot-probe " + version;
    }
}
