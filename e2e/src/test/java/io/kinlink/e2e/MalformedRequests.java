package io.kinlink.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Malformed requests for one operation, drawn from a seeded random source: a plausible request
 * built from the schema with one thing broken in it (a field's type, null, an extreme number or
 * date, hostile text, a key given twice, the framing of the body, a path id, a query parameter).
 */
final class MalformedRequests {

    /** One request to send. */
    record Request(ApiOperations.Operation operation, String kind, String path, String contentType, byte[] body) {

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return operation.method() + " " + path + " [" + kind + "] "
                    + (shown.length() > 300 ? shown.substring(0, 300) + "..." : shown);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Text no field should take quietly, or should take without failing. */
    private static final List<String> HOSTILE_TEXT = List.of("", " ", "\u3000", "\u3000\u3000", "a\u0000b", "\u0000",
            "line\u0001feed", "\u007f", "\ud800", "x\udc00", "👩‍👩‍👧‍👦🧧", "\u202eabc", "' or 1=1 --", "<script>alert(1)</script>",
            "%00", "../../etc/passwd", "null", "{}", "0", "-1", "9".repeat(40), "中文名字");
    private static final List<String> HOSTILE_TIMES = List.of("-290000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "+300000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "1999-12-31T23:59:59Z", "2026-13-45T99:00:00Z",
            "yesterday", "", "2026-01-01", "2126-01-01T00:00:00Z");
    private static final List<JsonNode> HOSTILE_NUMBERS = List.of(NODES.numberNode(0), NODES.numberNode(-1),
            NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE),
            NODES.numberNode(new java.math.BigInteger("9223372036854775808")), NODES.numberNode(12.5),
            NODES.numberNode(1e300), NODES.numberNode(2_147_483_648L), NODES.numberNode(-0.0),
            NODES.textNode("12"), NODES.booleanNode(true));

    private final SplittableRandom random;
    private final Function<String, String> pathValues;

    /** @param pathValues a real value for a path parameter by name (a member id, a code), so requests reach validation */
    MalformedRequests(long seed, Function<String, String> pathValues) {
        this.random = new SplittableRandom(seed);
        this.pathValues = pathValues;
    }

    List<Request> forOperation(ApiOperations.Operation operation, int count) {
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(one(operation));
        }
        return requests;
    }

    private Request one(ApiOperations.Operation operation) {
        boolean hasBody = !operation.body().isMissingNode();
        int choice = random.nextInt(hasBody ? 10 : 3);
        return switch (choice) {
            case 0 -> brokenPath(operation);
            case 1, 2 -> brokenQuery(operation);
            case 3 -> brokenFraming(operation);
            default -> brokenField(operation);
        };
    }

    private Request brokenField(ApiOperations.Operation operation) {
        ObjectNode body = plausible(operation.body());
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        if (fields.isEmpty()) {
            return json(operation, "empty object", path(operation, Map.of()), "{}");
        }
        String field = fields.get(random.nextInt(fields.size()));
        JsonNode schema = operation.body().path("properties").path(field);
        JsonNode broken = broken(schema, body.get(field));
        body.set(field, broken);
        return json(operation, "field " + field, path(operation, Map.of()), body.toString());
    }

    /** A value that breaks {@code schema}: wrong type, null, or an extreme of its own type. */
    private JsonNode broken(JsonNode schema, JsonNode plausible) {
        String type = typeOf(schema, "string");
        String format = schema.path("format").asText();
        int pick = random.nextInt(10);
        if (pick == 0) {
            return NODES.nullNode();
        }
        if (pick == 1) {
            return NODES.arrayNode().add(plausible == null ? NODES.nullNode() : plausible);
        }
        if (pick == 2) {
            return NODES.objectNode().put("nested", "x");
        }
        return switch (type) {
            case "integer", "number" -> HOSTILE_NUMBERS.get(random.nextInt(HOSTILE_NUMBERS.size()));
            case "boolean" -> random.nextBoolean() ? NODES.textNode("true") : NODES.numberNode(1);
            case "array" -> pick < 6 ? NODES.arrayNode().addNull()
                    : longArray(schema.path("items"), 2_000 + random.nextInt(5_000));
            case "object" -> NODES.textNode("not an object");
            default -> brokenText(schema, format);
        };
    }

    private JsonNode brokenText(JsonNode schema, String format) {
        if (format.equals("date-time") && random.nextBoolean()) {
            return NODES.textNode(HOSTILE_TIMES.get(random.nextInt(HOSTILE_TIMES.size())));
        }
        if (format.equals("uuid") && random.nextBoolean()) {
            return NODES.textNode(random.nextBoolean() ? "not-a-uuid" : UUID.randomUUID() + "\u0000");
        }
        int max = schema.path("maxLength").asInt(0);
        return switch (random.nextInt(5)) {
            case 0 -> NODES.textNode(max > 0 ? "名".repeat(max + 1) : "x".repeat(20_000));
            case 1 -> NODES.textNode(max > 0 ? "名".repeat(max) : "x".repeat(1_000));
            case 2 -> NODES.numberNode(random.nextInt(1000));
            default -> NODES.textNode(HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size())));
        };
    }

    private ArrayNode longArray(JsonNode items, int size) {
        ArrayNode array = NODES.arrayNode();
        JsonNode item = plausibleValue(items, "item");
        for (int i = 0; i < size; i++) {
            array.add(item);
        }
        return array;
    }

    /** The body's framing broken: a key twice, content after the document, not JSON, the wrong media type, too big. */
    private Request brokenFraming(ApiOperations.Operation operation) {
        String path = path(operation, Map.of());
        ObjectNode body = plausible(operation.body());
        String text = body.toString();
        return switch (random.nextInt(10)) {
            case 0 -> {
                String first = firstField(body);
                yield json(operation, "duplicate key", path,
                        "{\"" + first + "\":" + body.path(first) + "," + text.substring(1));
            }
            case 1 -> json(operation, "trailing content", path, text + " {\"more\":1}");
            case 2 -> json(operation, "truncated", path, text.substring(0, Math.max(1, text.length() / 2)));
            case 3 -> json(operation, "array for object", path, "[" + text + "]");
            case 4 -> json(operation, "null body", path, "null");
            case 5 -> json(operation, "empty body", path, "");
            case 6 -> new Request(operation, "text/plain", path, "text/plain", text.getBytes(StandardCharsets.UTF_8));
            case 7 -> json(operation, "oversized", path, "{\"padding\":\"" + "x".repeat(70_000) + "\"," + text.substring(1));
            case 8 -> {
                byte[] bytes = ("{\"" + firstField(body) + "\":\"\u00ff\"}").getBytes(StandardCharsets.ISO_8859_1);
                yield new Request(operation, "invalid UTF-8", path, "application/json", bytes);
            }
            default -> json(operation, "deep nesting", path, "[".repeat(3_000) + "]".repeat(3_000));
        };
    }

    private Request brokenPath(ApiOperations.Operation operation) {
        List<String> names = operation.parameters().stream().filter(p -> p.in().equals("path"))
                .map(ApiOperations.Parameter::name).toList();
        List<String> hostile = List.of("\u0000", "not-a-uuid", "-1", "成员", "x".repeat(3_000),
                "00000000-0000-0000-0000-000000000000", UUID.randomUUID() + "\u0000", " ", "../../q/health", "\u3000");
        String value = encoded(hostile.get(random.nextInt(hostile.size())));
        String body = operation.body().isMissingNode() ? null : plausible(operation.body()).toString();
        if (names.isEmpty()) {
            return request(operation, "extra segment", path(operation, Map.of()) + "/" + value, body);
        }
        String name = names.get(random.nextInt(names.size()));
        return request(operation, "path " + name, path(operation, Map.of(name, value)), body);
    }

    private Request brokenQuery(ApiOperations.Operation operation) {
        List<ApiOperations.Parameter> query = operation.parameters().stream().filter(p -> p.in().equals("query"))
                .toList();
        String body = operation.body().isMissingNode() ? null : plausible(operation.body()).toString();
        String name = query.isEmpty() ? "unexpected" : query.get(random.nextInt(query.size())).name();
        List<String> hostile = List.of("2147483647", "-5", "99999999999999999999", "+300000-01-01T00:00:00Z",
                "-290000-01-01T00:00:00Z", "+999999999-12", "0000-00", "\u0000", "NOT_A_VALUE", "x".repeat(5_000),
                "1e400", "成", "", "2026-02-30", "\u3000");
        String value = encoded(hostile.get(random.nextInt(hostile.size())));
        String path = path(operation, Map.of()) + "?" + name + "=" + value
                + (random.nextBoolean() && !query.isEmpty() ? "&page=" + encoded(hostile.get(random.nextInt(3))) : "");
        return request(operation, "query " + name, path, body);
    }

    private Request json(ApiOperations.Operation operation, String kind, String path, String body) {
        return new Request(operation, kind, path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private Request request(ApiOperations.Operation operation, String kind, String path, String body) {
        return new Request(operation, kind, path, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private String path(ApiOperations.Operation operation, Map<String, String> overrides) {
        String path = operation.path();
        Map<String, String> values = new LinkedHashMap<>();
        for (ApiOperations.Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path")) {
                values.put(parameter.name(), overrides.getOrDefault(parameter.name(), pathValues.apply(parameter.name())));
            }
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }

    /** The schema's type; OpenAPI 3.1 writes a nullable one as a list such as ["string", "null"]. */
    private static String typeOf(JsonNode schema, String otherwise) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (!one.asText().equals("null")) {
                    return one.asText();
                }
            }
        }
        return type.isTextual() ? type.asText() : otherwise;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String firstField(ObjectNode body) {
        Iterator<String> names = body.fieldNames();
        return names.hasNext() ? names.next() : "x";
    }

    /** A body that fits the schema as far as its types, formats and limits say. */
    private ObjectNode plausible(JsonNode schema) {
        JsonNode value = plausibleValue(schema, "body");
        return value instanceof ObjectNode object ? object : JSON.createObjectNode();
    }

    private JsonNode plausibleValue(JsonNode schema, String name) {
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        String type = typeOf(schema, schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(property ->
                        object.set(property.getKey(), plausibleValue(property.getValue(), property.getKey())));
                yield object;
            }
            case "array" -> NODES.arrayNode().add(plausibleValue(schema.path("items"), name));
            case "integer", "number" -> NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "boolean" -> NODES.booleanNode(true);
            default -> plausibleText(schema, name);
        };
    }

    private JsonNode plausibleText(JsonNode schema, String name) {
        String format = schema.path("format").asText();
        if (format.equals("date-time")) {
            return NODES.textNode(Instant.now().minusSeconds(60).toString());
        }
        if (format.equals("uuid")) {
            return NODES.textNode(pathValues.apply(name));
        }
        String value = name.toLowerCase().contains("branch") ? "shanghai-jingan"
                : name.toLowerCase().contains("phone") ? "139" + (10_000_000 + random.nextInt(89_999_999))
                : name.toLowerCase().contains("category") ? "laser"
                : name.toLowerCase().contains("code") ? "ABCDEFG" : "fuzz-" + random.nextInt(1_000_000);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return NODES.textNode(value.length() > max ? value.substring(0, max) : value);
    }
}
