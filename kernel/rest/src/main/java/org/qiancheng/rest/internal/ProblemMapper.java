package org.qiancheng.rest.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.qiancheng.api.registry.ActivationException;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.api.workflow.ImportRejectedException;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.engine.InvalidScenarioException;
import org.qiancheng.engine.PolicyFailureException;
import org.qiancheng.engine.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into {@code application/problem+json}: HTTP errors keep their status, a
 * workflow refusal its kind (404, 422, 409), a body that is JSON but not of the expected shape a
 * 422 naming the JSON path with rule {@code type}, other unreadable JSON a 400, and anything
 * unexpected a 500 whose detail hides internals (they go to the log).
 */
@Component(scope = ServiceScope.PROTOTYPE, service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("qiancheng.problems")
@JSONRequired
public final class ProblemMapper implements ExceptionMapper<Throwable> {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable failure) {
        String path = uri == null ? null : uri.getRequestUri().getPath();
        Problem problem;
        if (failure instanceof ProblemException prepared) {
            Problem given = prepared.problem();
            problem = new Problem(given.type(), given.title(), given.titleZh(), given.status(), given.detail(),
                    given.detailZh(), path, given.violations());
        } else if (failure instanceof WebApplicationException http) {
            int status = http.getResponse().getStatus();
            problem = Problems.of(status, http.getMessage(), path);
        } else if (failure instanceof ImportRejectedException rejected) {
            problem = Problems.of(422, rejected.getMessage(), path, rejected.errors().stream()
                    .map(e -> new Violation("line " + e.line() + ": " + e.field(), e.rule(), e.message())).toList());
        } else if (failure instanceof InvalidScenarioException invalid) {
            boolean syntax = invalid.violations().stream().anyMatch(v -> "json".equals(v.rule()));
            problem = Problems.of(syntax ? 400 : 422, invalid.getMessage(), path, invalid.violations());
        } else if (failure instanceof WorkflowException refused) {
            problem = Problems.of(refused, path);
        } else if (failure instanceof InvalidDefinitionException
                || failure instanceof JsonMappingException writing && writing.getProcessor() instanceof JsonGenerator) {
            // a type the platform cannot bind, or an answer that cannot be written: not the client's fault
            LOG.error("JSON binding failed on {}", path, failure);
            problem = Problems.of(500, "unexpected failure; see the server log", path);
        } else if (failure instanceof JsonMappingException mapping) {
            String field = jsonPath(mapping);
            String message = typeMessage(mapping);
            problem = Problems.of(422, field + ": " + message, path, List.of(new Violation(field, "type", message)));
        } else if (failure instanceof JsonProcessingException json) {
            problem = Problems.of(400, "the request body is not valid JSON for this resource: "
                    + json.getOriginalMessage(), path);
        } else if (failure instanceof ActivationException refused) {
            int status = "database-unavailable".equals(refused.rule()) ? 503 : 409;
            problem = Problems.of(status, refused.getMessage(), path, List.of(new Violation("version", refused.rule(),
                    refused.getMessage())));
        } else if (failure instanceof NoPolicyException missing) {
            problem = Problems.of(404, missing.getMessage(), path);
        } else if (failure instanceof PolicyFailureException broken) {
            LOG.error("Policy failure on {}", path, broken);
            problem = Problems.of(500, broken.getMessage(), path);
        } else {
            LOG.error("Unexpected failure on {}", path, failure);
            problem = Problems.of(500, "unexpected failure; see the server log", path);
        }
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
    }

    /** The path of the offending value, as {@code groups.0} or {@code level}; {@code body} for the whole body. */
    static String jsonPath(JsonMappingException mapping) {
        StringJoiner path = new StringJoiner(".");
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            path.add(reference.getFieldName() != null ? reference.getFieldName()
                    : Integer.toString(reference.getIndex()));
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    /** What is wrong with the value, without Jackson's class names and source locations. */
    static String typeMessage(JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return "is not a field of this input; the fields are " + new TreeSet<>(
                    unknown.getKnownPropertyIds().stream().map(String::valueOf).toList());
        }
        if (mapping instanceof InvalidFormatException format && format.getTargetType() != null) {
            Class<?> type = format.getTargetType();
            String message = "'" + format.getValue() + "' is not a valid " + type.getSimpleName();
            return type.isEnum() ? message + "; one of " + Arrays.toString(type.getEnumConstants()) : message;
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "has the wrong JSON type for " + mismatch.getTargetType().getSimpleName();
        }
        return mapping.getOriginalMessage();
    }
}
