package io.kinlink.e2e;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** The operations of the merged OpenAPI document, with their parameters and body schemas resolved. */
record ApiOperations(List<Operation> operations) {

    record Parameter(String name, String in, JsonNode schema) {
    }

    /** @param body the JSON body's schema with references resolved, or a missing node when it takes none */
    record Operation(String method, String path, List<Parameter> parameters, JsonNode body) {

        boolean writes() {
            return !method.equals("GET") && !method.equals("HEAD");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static ApiOperations of(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        JsonNode schemas = document.path("components").path("schemas");
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (method.getKey().equals("parameters")) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : method.getValue().path("parameters")) {
                    parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                            resolve(parameter.path("schema"), schemas, 0)));
                }
                JsonNode body = method.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), parameters,
                        body.isMissingNode() ? MissingNode.getInstance() : resolve(body, schemas, 0)));
            }
        }
        return new ApiOperations(operations);
    }

    /** Inlines {@code $ref}s (and a single {@code allOf}), a few levels deep: enough for these bodies. */
    private static JsonNode resolve(JsonNode schema, JsonNode schemas, int depth) {
        if (depth > 6) {
            return MissingNode.getInstance();
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return resolve(schemas.path(name), schemas, depth + 1);
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(schema.get("allOf").get(0), schemas, depth + 1);
        }
        if (schema.isObject()) {
            var copy = schema.deepCopy();
            var object = (com.fasterxml.jackson.databind.node.ObjectNode) copy;
            if (schema.has("properties")) {
                var properties = object.putObject("properties");
                schema.get("properties").fields().forEachRemaining(property ->
                        properties.set(property.getKey(), resolve(property.getValue(), schemas, depth + 1)));
            }
            if (schema.has("items")) {
                object.set("items", resolve(schema.get("items"), schemas, depth + 1));
            }
            return object;
        }
        return schema;
    }
}
