package org.qiancheng.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.LocalDate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.qiancheng.api.model.LocalizedText;
import org.qiancheng.api.workflow.AuditCheckpoint;
import org.qiancheng.api.workflow.AuditEvent;
import org.qiancheng.api.workflow.AuditFilter;
import org.qiancheng.api.workflow.AuditTrail;
import org.qiancheng.api.workflow.AuditVerification;
import org.qiancheng.api.workflow.Page;

/**
 * {@code GET /api/v1/audit?entity=&entityId=&actor=&from=&to=}: the append-only audit trail, newest first;
 * {@code GET /api/v1/audit/export} (same filters): the same as CSV;
 * {@code GET /api/v1/audit/verify}: the chain recomputed; {@code GET /api/v1/audit/checkpoint}: a signed
 * statement of its head.
 */
@Component(service = AuditResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("qiancheng.audit")
@JSONRequired
@Path("v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {

    private final AuditTrail trail;
    private final Clock clock;

    @Activate
    public AuditResource(@Reference AuditTrail trail, @Reference Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * The kernel checks {@code entity} against the kinds of record it writes (422 naming {@code entity});
     * {@code from} and {@code to} are days of the platform's zone, both included.
     */
    @OperationId("listAuditEvents")
    @GET
    public Page<AuditEvent> list(@QueryParam("entity") String entity, @QueryParam("entityId") String entityId,
            @QueryParam("actor") String actor, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return trail.audit(filter(entity, entityId, actor, from, to), Requests.offset(offset), Requests.limit(limit));
    }

    /**
     * {@code GET /api/v1/audit/export}: the entries of the same filters as CSV, oldest first, written as they
     * are read (a page at a time). The export is in the trail itself ({@code audit.export}).
     */
    @OperationId("exportAuditEvents")
    @GET
    @Path("export")
    @Produces(Exports.CSV_TYPE)
    public Response export(@QueryParam("entity") String entity, @QueryParam("entityId") String entityId,
            @QueryParam("actor") String actor, @QueryParam("from") String from, @QueryParam("to") String to) {
        AuditFilter filter = filter(entity, entityId, actor, from, to);
        Iterable<AuditEvent> entries = trail.export(filter);
        String name = AuditCsv.fileName(filter, LocalDate.now(clock));
        return Response.ok((StreamingOutput) out -> AuditCsv.write(entries, clock.getZone(), out), Exports.CSV_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, Exports.disposition(name, name))
                .header("Cache-Control", "no-store").build();
    }

    private static AuditFilter filter(String entity, String entityId, String actor, String from, String to) {
        LocalDate first = Requests.date("from", from, null);
        LocalDate last = Requests.date("to", to, null);
        if (first != null && last != null && first.isAfter(last)) {
            throw Problems.invalid("from", "not-after:to", "must not be after to", "不得晚于 to");
        }
        String who = actor == null || actor.isEmpty() ? null : Requests.text("actor", actor);
        if (who != null && who.length() > 100) {
            throw Problems.invalid("actor", "max-length:100", "must be at most 100 characters");
        }
        return new AuditFilter(entity == null || entity.isEmpty() ? null : Requests.text("entity", entity),
                Requests.optionalId("entityId", entityId), who, first, last);
    }

    /**
     * Verifies the chain; with the four fields of a checkpoint this platform signed ({@code sequence},
     * {@code headMac}, {@code at}, {@code signature}, all or none), also that the chain still reaches it.
     */
    @OperationId("verifyAudit")
    @GET
    @Path("verify")
    public Verification verify(@QueryParam("sequence") String sequence, @QueryParam("headMac") String headMac,
            @QueryParam("at") String at, @QueryParam("signature") String signature) {
        if (sequence == null && headMac == null && at == null && signature == null) {
            return Verification.of(trail.verify());
        }
        long checkpointSequence = sequence(required("sequence", sequence));
        AuditCheckpoint checkpoint = new AuditCheckpoint(checkpointSequence, hex("headMac", headMac),
                checkpointSequence, instant("at", at), hex("signature", signature));
        return Verification.of(trail.verify(checkpoint));
    }

    /**
     * {@link AuditVerification} as JSON, with {@code firstBroken} written as {@code null} when the chain
     * is intact (the provider leaves other absent values out): a client reads one shape either way.
     */
    record Verification(boolean ok, long entries, @JsonInclude(JsonInclude.Include.ALWAYS) Long firstBroken,
            LocalizedText reason) {

        static Verification of(AuditVerification found) {
            return new Verification(found.ok(), found.entries(), found.firstBroken(), found.reason());
        }
    }

    /** A signed statement of the chain's head, to keep outside the platform. */
    @OperationId("getAuditCheckpoint")
    @GET
    @Path("checkpoint")
    public AuditCheckpoint checkpoint() {
        return trail.checkpoint();
    }

    private static String required(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw Problems.invalid(name, "required", "is required with the other fields of the checkpoint",
                    "须与检查点的其他字段一起提供");
        }
        return Requests.text(name, value);
    }

    private static long sequence(String value) {
        try {
            long number = Long.parseLong(value);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Problems.invalid("sequence", "format:sequence", "must be a whole number from 0", "须为不小于 0 的整数");
    }

    private static String hex(String name, String value) {
        if (!required(name, value).matches("[0-9a-f]{64}")) {
            throw Problems.invalid(name, "format:hex", "must be 64 lower-case hexadecimal digits",
                    "须为 64 位小写十六进制数字");
        }
        return value;
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(required(name, value));
        } catch (DateTimeParseException e) {
            throw Problems.invalid(name, "format:date-time", "must be an instant such as 2026-11-25T08:00:00.123Z",
                    "须为时间点，如 2026-11-25T08:00:00.123Z");
        }
    }
}
