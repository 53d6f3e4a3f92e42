package org.qiancheng.rest.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.qiancheng.api.workflow.AuditEvent;
import org.qiancheng.api.workflow.AuditTrail;
import org.qiancheng.api.workflow.Page;

/** {@code GET /api/v1/audit?entity=&entityId=}: the append-only audit trail, newest first. */
@Component(service = AuditResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.audit")
@JSONRequired
@Path("v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {

    private final AuditTrail trail;

    @Activate
    public AuditResource(@Reference AuditTrail trail) {
        this.trail = trail;
    }

    /** The kernel checks {@code entity} against the kinds of record it writes (422 naming {@code entity}). */
    @OperationId("listAuditEvents")
    @GET
    public Page<AuditEvent> list(@QueryParam("entity") String entity, @QueryParam("entityId") String entityId,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return trail.audit(entity, Requests.optionalId("entityId", entityId), Requests.offset(offset),
                Requests.limit(limit));
    }
}
