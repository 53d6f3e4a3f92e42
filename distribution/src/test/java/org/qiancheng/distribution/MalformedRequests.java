package org.qiancheng.distribution;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.qiancheng.distribution.OpenApiOperations.Operation;
import org.qiancheng.distribution.OpenApiOperations.Parameter;

/**
 * Requests that are wrong in exactly one place — a path or query parameter, a header, or the body —
 * built from an operation of the OpenAPI document and a seeded {@link Random}, so a run is
 * repeatable. Every request is one the platform must refuse (or, for a read, may answer), never
 * one that could change a record.
 */
final class MalformedRequests {

    /** One request: what was broken, and the bytes to send. */
    record Request(String kind, String method, String target, Map<String, String> headers, byte[] body) {

        @Override
        public String toString() {
            return kind + ": " + method + " " + target;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BAD_IDS = List.of("abc", "-1", "1.5", "99999999999999999999", "%00", "%FF",
            "1e3", "0x10", "%E2%80%AE1", "1%20OR%201=1");
    private static final List<String> BAD_CODES = List.of("abc", "51000", "5100000", "51000a", "%00", "-10000",
            "%FF%FE", "510000%0A");
    private static final List<String> BAD_TEXT_SEGMENTS = List.of("%00", "abc%FF", "..%2F..%2Fetc", "%C0%AF");
    private static final List<String> BAD_QUERY = List.of("-1", "abc", "1e2", "2026-13-01", "-2026-10-01", "%00",
            "%FF", "NOPE", "true%00", "99999999999999999999");
    private static final List<String> WRONG_TYPES_FOR_TEXT = List.of("42", "true", "{}", "[]", "1e22");
    private static final List<String> WRONG_TYPES_FOR_NUMBER = List.of("\"1\"", "true", "[]", "{}", "1e400",
            "\"1e22\"", "123456789012345678901234567890");
    private static final List<String> WRONG_TYPES_FOR_BOOLEAN = List.of("-1", "1", "\"true\"", "1e22", "[]", "0");
    private static final List<String> BAD_ENUMS = List.of("\"0\"", "\"JUNIOR\\u0000\"", "\"junior\"", "\" X\"", "0");
    private static final List<String> BAD_DATES = List.of("\"-2026-10-01\"", "\"2026-13-01\"", "\"2026-02-30\"",
            "\"99999-01-01\"", "\"2026/12/01\"", "\"1899-12-31\"", "\"2101-01-01\"", "\"20261201\"");
    private static final List<String> BAD_STRINGS = List.of("\"a\\u0001b\"", "\"\\ud800\"", "\"a\\u0000\"",
            "\"\\udc00x\"", "\"\\u001b[31m\"");
    private static final List<String> NOT_JSON = List.of("<xml/>", "hello", "{'a':1}", "[1,2", "nul", "{\"a\":}",
            "{,}", "");
    private static final List<byte[]> BAD_UTF8 = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0,
            (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE4, (byte) 0xB8});

    private final Random random;
    /** What the last body mutation changed, for the report. */
    private String mutation;
    /** Bodies the platform would accept as they are, by "METHOD /path": the one fault is then the only one. */
    private final Map<String, JsonNode> valid;

    MalformedRequests(long seed, Map<String, JsonNode> valid) {
        this.random = new Random(seed);
        this.valid = valid;
    }

    private JsonNode example(Operation operation) {
        return valid.getOrDefault(operation.method() + " " + operation.path(), operation.example());
    }

    /** A request to the operation broken in one of the places it has. */
    Request next(Operation operation) {
        List<String> places = new ArrayList<>();
        if (operation.hasPathParameters()) {
            places.add("path");
        }
        if (operation.parameters().stream().anyMatch(p -> p.in().equals("query"))
                && operation.method().equals("GET")) {
            places.add("query");
        }
        if (operation.bodyType() != null) {
            places.add("body");
            places.add("body");
        }
        if (places.isEmpty()) {
            places.add("method");
        }
        return switch (pick(places)) {
            case "path" -> withBadPath(operation);
            case "query" -> withBadQuery(operation);
            case "body" -> withBadBody(operation);
            default -> new Request("method", "PATCH", "/api/v1" + fill(operation.path(), null, null), Map.of(), null);
        };
    }

    private Request withBadPath(Operation operation) {
        List<Parameter> inPath = operation.parameters().stream().filter(p -> p.in().equals("path")).toList();
        Parameter broken = pick(inPath);
        String value = switch (broken.name()) {
            case "id" -> pick(BAD_IDS);
            case "code" -> pick(BAD_CODES);
            default -> pick(BAD_TEXT_SEGMENTS);
        };
        return new Request("path " + broken.name() + "=" + value, operation.method(),
                "/api/v1" + fill(operation.path(), broken.name(), value), contentType(operation), validBody(operation));
    }

    private byte[] validBody(Operation operation) {
        JsonNode example = example(operation);
        return example == null ? null : example.toString().getBytes(UTF_8);
    }

    private Request withBadQuery(Operation operation) {
        Parameter broken = pick(operation.parameters().stream().filter(p -> p.in().equals("query")).toList());
        String value = pick(BAD_QUERY);
        return new Request("query " + broken.name() + "=" + value, operation.method(),
                "/api/v1" + fill(operation.path(), null, null) + "?" + broken.name() + "=" + value, Map.of(), null);
    }

    private Request withBadBody(Operation operation) {
        String target = "/api/v1" + fill(operation.path(), null, null);
        if (!operation.bodyType().equals("application/json")) {
            return binaryOrCsv(operation, target);
        }
        JsonNode example = example(operation);
        Map<String, JsonNode> leaves = leaves(example, "");
        int kind = random.nextInt(9);
        mutation = null;
        String json = switch (kind) {
            case 0 -> truncated(example.toString());
            case 1 -> pick(NOT_JSON);
            case 2 -> pick(List.of("[]", "null", "42", "\"text\"", "true"));
            case 3 -> replaceLeaf(example, leaves, "typed");
            case 4 -> replaceLeaf(example, leaves, "enum");
            case 5 -> replaceLeaf(example, leaves, "date");
            case 6 -> replaceLeaf(example, leaves, "string");
            case 7 -> withUnknownField(example);
            default -> null;
        };
        if (json == null) {
            return new Request("body invalid UTF-8", operation.method(), target, Map.of("Content-Type",
                    "application/json"), withBadBytes(example.toString()));
        }
        String what = mutation != null ? mutation : json.length() > 60 ? json.substring(0, 60) + "…" : json;
        return new Request("body " + what, operation.method(), target, Map.of("Content-Type", "application/json"),
                json.getBytes(UTF_8));
    }

    private Request binaryOrCsv(Operation operation, String target) {
        Map<String, String> type = Map.of("Content-Type", operation.bodyType());
        if (operation.bodyType().equals("text/csv")) {
            String csv = pick(List.of("\"unclosed,quote\n1,2\n", "", "no,such,columns\n1,2,3\n", "\u0000\u0001",
                    "姓名\n\"张三"));
            byte[] bytes = random.nextBoolean() ? csv.getBytes(UTF_8) : concat("身份证号,姓名\n".getBytes(UTF_8),
                    pick(BAD_UTF8));
            return new Request("csv", operation.method(), target, type, bytes);
        }
        byte[] junk = new byte[random.nextInt(64)];
        random.nextBytes(junk);
        byte[] truncatedZip = concat(new byte[] {'P', 'K', 3, 4}, junk);
        return new Request("archive", operation.method(), target, type, random.nextBoolean() ? junk : truncatedZip);
    }

    private String replaceLeaf(JsonNode example, Map<String, JsonNode> leaves, String kind) {
        List<String> candidates = leaves.entrySet().stream().filter(e -> switch (kind) {
            case "enum" -> e.getValue().isTextual() && e.getValue().asText().matches("[A-Z][A-Z_]+");
            case "date" -> e.getValue().isTextual() && e.getValue().asText().matches("\\d{4}-\\d{2}(-\\d{2})?");
            case "string" -> e.getValue().isTextual();
            default -> true;
        }).map(Map.Entry::getKey).toList();
        if (candidates.isEmpty()) {
            return truncated(example.toString());
        }
        String path = pick(candidates);
        JsonNode leaf = leaves.get(path);
        String replacement = switch (kind) {
            case "enum" -> pick(BAD_ENUMS);
            case "date" -> pick(BAD_DATES);
            case "string" -> pick(BAD_STRINGS);
            default -> leaf.isTextual() ? pick(WRONG_TYPES_FOR_TEXT)
                    : leaf.isBoolean() ? pick(WRONG_TYPES_FOR_BOOLEAN) : pick(WRONG_TYPES_FOR_NUMBER);
        };
        mutation = path + " = " + replacement;
        String marker = "\"@@replace@@\"";
        ObjectNode copy = example.deepCopy();
        set(copy, path, JSON.getNodeFactory().textNode("@@replace@@"));
        return copy.toString().replace(marker, replacement);
    }

    private static void set(JsonNode root, String path, JsonNode value) {
        String[] parts = path.substring(1).split("/");
        JsonNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(parts[i])) : parent.get(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (parent.isArray()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    /** Every scalar of the example by its JSON pointer. */
    private static Map<String, JsonNode> leaves(JsonNode node, String at) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> found.putAll(leaves(f.getValue(), at + "/" + f.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                found.putAll(leaves(node.get(i), at + "/" + i));
            }
        } else if (!at.isEmpty()) {
            found.put(at, node);
        }
        return found;
    }

    private String withUnknownField(JsonNode example) {
        if (!example.isObject()) {
            return "{\"unknownField\": 1}";
        }
        ObjectNode copy = example.deepCopy();
        copy.put("unknownField" + random.nextInt(100), 1);
        mutation = "an unknown field";
        return copy.toString();
    }

    private String truncated(String json) {
        return json.substring(0, random.nextInt(Math.max(1, json.length() - 1)));
    }

    private byte[] withBadBytes(String json) {
        int quote = json.indexOf("\":\"");
        int at = quote < 0 ? json.length() / 2 : quote + 3;
        return concat(concat(json.substring(0, at).getBytes(UTF_8), pick(BAD_UTF8)), json.substring(at).getBytes(UTF_8));
    }

    private static Map<String, String> contentType(Operation operation) {
        return operation.example() == null ? Map.of() : Map.of("Content-Type", "application/json");
    }

    /** The path with known-good values, except one parameter. */
    private static String fill(String template, String broken, String value) {
        String path = template;
        for (String name : List.of("id", "code", "version", "report", "year")) {
            String good = switch (name) {
                case "id" -> "1";
                case "code" -> "510000";
                case "version" -> "2025.1.0";
                case "year" -> "2026";
                default -> "indicators";
            };
            path = path.replace("{" + name + "}", name.equals(broken) ? value : good);
        }
        return path;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
