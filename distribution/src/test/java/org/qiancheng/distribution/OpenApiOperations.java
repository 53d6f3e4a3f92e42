package org.qiancheng.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The operations the served OpenAPI document describes, with what a request to each takes: path
 * and query parameters and, for a JSON body, a well-formed example built from its schema — the
 * starting point that {@link MalformedRequests} breaks in one place.
 */
final class OpenApiOperations {

    /** One parameter: where it goes, its name and its schema. */
    record Parameter(String in, String name, JsonNode schema) {
    }

    /** One operation: method, path template, parameters, the body's media type and example, and its id. */
    record Operation(String method, String path, List<Parameter> parameters, String bodyType, JsonNode example,
            String id) {

        boolean hasPathParameters() {
            return parameters.stream().anyMatch(p -> p.in().equals("path"));
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private final JsonNode document;

    private OpenApiOperations(JsonNode document) {
        this.document = document;
    }

    /** @return every GET, POST, PUT and DELETE of the document, in document order */
    static List<Operation> of(JsonNode document) {
        return new OpenApiOperations(document).operations();
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String method = op.getKey().toUpperCase();
            if (List.of("GET", "POST", "PUT", "DELETE").contains(method)) {
                operations.add(operation(method, path.getKey(), op.getValue()));
            }
        }));
        return operations;
    }

    private Operation operation(String method, String path, JsonNode op) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : op.path("parameters")) {
            JsonNode resolved = resolve(parameter);
            parameters.add(new Parameter(resolved.path("in").asText(), resolved.path("name").asText(),
                    resolve(resolved.path("schema"))));
        }
        String bodyType = null;
        JsonNode example = null;
        Iterator<Map.Entry<String, JsonNode>> content = op.path("requestBody").path("content").fields();
        if (content.hasNext()) {
            Map.Entry<String, JsonNode> first = content.next();
            bodyType = first.getKey();
            example = bodyType.equals("application/json") ? example(first.getValue().path("schema"), 0) : null;
        }
        return new Operation(method, path, parameters, bodyType, example, op.path("operationId").asText());
    }

    /** A value of the schema: the first enum value, a plausible date, 1 for numbers, every property. */
    JsonNode example(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        if (resolved.has("oneOf") || resolved.has("anyOf")) {
            return example((resolved.has("oneOf") ? resolved.get("oneOf") : resolved.get("anyOf")).get(0), depth);
        }
        String type = resolved.path("type").asText(resolved.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> object(resolved, depth);
            case "array" -> depth > 4 ? NODES.arrayNode() : array(resolved, depth);
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(new java.math.BigDecimal("1.00"));
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode(text(resolved));
        };
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        if (depth > 4) {
            return object;
        }
        schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), example(p.getValue(), depth + 1)));
        return object;
    }

    private ArrayNode array(JsonNode schema, int depth) {
        ArrayNode array = NODES.arrayNode();
        array.add(example(schema.path("items"), depth + 1));
        return array;
    }

    private static String text(JsonNode schema) {
        String format = schema.path("format").asText("");
        String pattern = schema.path("pattern").asText("");
        if (format.equals("date")) {
            return "2026-12-20";
        }
        if (pattern.contains("\\d{4}-\\d{2}$") || pattern.contains("[0-9]{4}-[0-9]{2}$")) {
            return "2026-10";
        }
        if (schema.has("example") && schema.get("example").isTextual()) {
            return schema.get("example").asText();
        }
        return "示例 example";
    }

    /** Follows {@code $ref} within the document. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            JsonNode target = document;
            for (String part : current.get("$ref").asText().substring(2).split("/")) {
                target = target.path(part);
            }
            current = target;
        }
        return current;
    }
}
