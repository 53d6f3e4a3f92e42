package org.qiancheng.rest.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
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
import org.qiancheng.api.registry.StaleDecisionException;
import org.qiancheng.api.security.AccessException;
import org.qiancheng.api.workflow.ImportRejectedException;
import org.qiancheng.api.workflow.WorkflowException;
import org.qiancheng.engine.InvalidScenarioException;
import org.qiancheng.engine.PolicyFailureException;
import org.qiancheng.engine.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into {@code application/problem+json}: HTTP errors keep their status, a
 * workflow refusal its kind (404, 422, 409), a body that is JSON but breaks an input rule a 422
 * naming the JSON path and the rule ({@code type:boolean}, {@code enum:SkillLevel},
 * {@code format:date}, {@code text:control-character}, {@code unknown-field} …), other unreadable
 * JSON a 400, and anything unexpected a 500 whose detail hides internals (they go to the log).
 * No message quotes an input value: it may be a resident ID.
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
        Problem problem = problem(failure, uri == null ? null : uri.getRequestUri().getPath());
        Response.ResponseBuilder answer = Response.status(problem.status()).type(PROBLEM_JSON).entity(problem);
        if (failure instanceof AccessException refused) {
            if (refused.kind() == AccessException.Kind.UNAUTHENTICATED) {
                answer.header("WWW-Authenticate", "Bearer realm=\"qiancheng\"");
            } else if (refused.retryAfter() != null) {
                answer.header("Retry-After", Math.max(1, refused.retryAfter().toSeconds()));
            }
        }
        return answer.build();
    }

    /** The problem document of a failure on {@code path}. */
    static Problem problem(Throwable failure, String path) {
        Problem problem;
        if (failure instanceof ProblemException prepared) {
            Problem given = prepared.problem();
            problem = new Problem(given.type(), given.title(), given.titleZh(), given.status(), given.detail(),
                    given.detailZh(), path, given.violations());
        } else if (failure instanceof WebApplicationException http) {
            int status = http.getResponse().getStatus();
            problem = Problems.http(status, http.getMessage(), path);
        } else if (failure instanceof ImportRejectedException rejected) {
            problem = Problems.of(422, rejected.getMessage(), Problems.importZh(rejected.errors()), path,
                    rejected.errors().stream().map(e -> new Violation("line " + e.line() + ": " + e.field(), e.rule(),
                            e.message())).toList());
        } else if (failure instanceof InvalidScenarioException invalid) {
            boolean syntax = invalid.violations().stream().anyMatch(v -> "json".equals(v.rule()));
            problem = Problems.of(syntax ? 400 : 422, invalid.getMessage(), path, invalid.violations());
        } else if (failure instanceof WorkflowException refused) {
            problem = Problems.of(refused, path);
        } else if (failure instanceof AccessException refused) {
            problem = Problems.of(refused, path);
        } else if (failure instanceof InvalidDefinitionException
                || failure instanceof JsonMappingException writing && writing.getProcessor() instanceof JsonGenerator) {
            // a type the platform cannot bind, or an answer that cannot be written: not the client's fault
            LOG.error("JSON binding failed on {}", path, failure);
            problem = Problems.of(500, "unexpected failure; see the server log", path);
        } else if (failure instanceof StrictJson.Refused refused) {
            String field = jsonPath(refused);
            problem = Problems.of(422, field + ": " + refused.getOriginalMessage(), field + "：" + refused.messageZh(),
                    path, List.of(new Violation(field, refused.rule(), refused.getOriginalMessage())));
        } else if (failure instanceof JsonMappingException mapping) {
            String field = jsonPath(mapping);
            String rule = mapping instanceof UnrecognizedPropertyException ? "unknown-field" : typeRule(mapping);
            String message = typeMessage(mapping);
            String zh = Problems.ruleZh(rule) + (mapping instanceof UnrecognizedPropertyException unknown
                    ? "；可用字段：" + new TreeSet<>(unknown.getKnownPropertyIds().stream().map(String::valueOf).toList())
                    : "");
            problem = Problems.of(422, field + ": " + message, field + "：" + zh, path,
                    List.of(new Violation(field, rule, message)));
        } else if (failure instanceof JsonProcessingException json) {
            String where = json.getLocation() == null ? "" : " at line " + json.getLocation().getLineNr()
                    + ", column " + json.getLocation().getColumnNr();
            String whereZh = json.getLocation() == null ? "" : "（第 " + json.getLocation().getLineNr() + " 行第 "
                    + json.getLocation().getColumnNr() + " 列）";
            String message = "is not valid JSON" + where + ": " + withoutValues(json.getOriginalMessage());
            problem = Problems.of(400, "body: " + message, "body：不是有效的 JSON" + whereZh, path,
                    List.of(new Violation("body", "json", message)));
        } else if (failure instanceof StaleDecisionException stale) {
            problem = Problems.of(409, stale.getMessage(), "地区 " + stale.regionCode() + " 的决定序号已是 "
                    + stale.current() + "，而非此操作所依据的 " + stale.expected() + "：其间已有其他决定（"
                    + StaleDecisionException.describe(stale.since()) + "）。请重新读取 GET /api/v1/policies/"
                    + stale.regionCode() + "/activations 后再决定", path, List.of(new Violation("expectedSequence",
                            "sequence:" + stale.current(), "the region is at decision sequence " + stale.current()
                                    + ": " + StaleDecisionException.describe(stale.since()))));
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
        return problem;
    }

    /** The path of the offending value, as {@code groups.0} or {@code level}; {@code body} for the whole body. */
    static String jsonPath(JsonMappingException mapping) {
        StringJoiner path = new StringJoiner(".");
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            path.add(reference.getFieldName() != null ? safeName(reference.getFieldName())
                    : Integer.toString(reference.getIndex()));
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    /**
     * A field name as sent, when it looks like one: a name that is not a plain identifier, or holds
     * six digits or more (it may be a resident ID sent as a key), is written as {@code (unknown field)}.
     */
    static String safeName(String name) {
        boolean plain = name.matches("[A-Za-z_][A-Za-z0-9_]{0,63}") && name.chars().filter(Character::isDigit).count() < 6;
        return plain ? name : "(unknown field)";
    }

    /** What is wrong with the value, without the value itself (it may be a resident ID), class names or locations. */
    static String typeMessage(JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return "is not a field of this input; the fields are " + new TreeSet<>(
                    unknown.getKnownPropertyIds().stream().map(String::valueOf).toList());
        }
        Class<?> type = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (type != null && type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants()) + ", exactly as written";
        }
        return switch (typeRule(mapping)) {
            case "type:array" -> "must be a JSON array";
            case "type:object" -> "must be a JSON object";
            default -> "has the wrong JSON type";
        };
    }

    /** {@code type:array} for a collection, {@code type:object} for a record, {@code type} otherwise. */
    static String typeRule(JsonMappingException mapping) {
        Class<?> type = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (type == null) {
            return "type";
        }
        if (type.isEnum()) {
            return "enum:" + type.getSimpleName();
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "type:array";
        }
        return type.isRecord() || !type.getName().startsWith("java.") ? "type:object" : "type";
    }

    /** A parser's message with every quoted token longer than one character left out: it may be input. */
    static String withoutValues(String message) {
        return message == null ? "" : message.replaceAll("'[^']{2,}'", "'…'").replaceAll("\"[^\"]{2,}\"", "\"…\"");
    }
}
