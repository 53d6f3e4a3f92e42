package org.qiancheng.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.qiancheng.api.registry.NoPolicyException;
import org.qiancheng.testkit.InvalidScenarioException;
import org.qiancheng.testkit.PolicyFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into {@code application/problem+json}: HTTP errors keep their status,
 * anything unexpected becomes a 500 whose detail hides internals (they go to the log).
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
                    path, given.violations());
        } else if (failure instanceof WebApplicationException http) {
            int status = http.getResponse().getStatus();
            problem = Problems.of(status, http.getMessage(), path);
        } else if (failure instanceof InvalidScenarioException invalid) {
            boolean syntax = invalid.violations().stream().anyMatch(v -> "json".equals(v.rule()));
            problem = Problems.of(syntax ? 400 : 422, invalid.getMessage(), path, invalid.violations());
        } else if (failure instanceof JsonProcessingException json) {
            problem = Problems.of(400, "the request body is not valid JSON for this resource: "
                    + json.getOriginalMessage(), path);
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
}
