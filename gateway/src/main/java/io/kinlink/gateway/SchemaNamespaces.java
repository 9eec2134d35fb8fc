package io.kinlink.gateway;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Keeps the services' schemas apart when their documents are merged: a name every service that
 * uses it defines alike (the platform's {@code Problem}) stays one schema; a name two services
 * define differently ({@code Page} of members, {@code Page} of coupons) becomes one schema per
 * service, {@code member.Page} and {@code rewards.Page}, and each service's {@code $ref}s are
 * rewritten to its own. A schema that refers to a split one differs too, whatever its text.
 */
final class SchemaNamespaces {

    static final String PREFIX = "#/components/schemas/";

    private SchemaNamespaces() {
    }

    /** The names that must be split: defined differently by two services, or referring to such a name. */
    static Set<String> conflicting(Map<String, JsonObject> schemasByService) {
        Map<String, Set<JsonObject>> definitions = new HashMap<>();
        schemasByService.values().forEach(schemas -> schemas.forEach(entry ->
                definitions.computeIfAbsent(entry.getKey(), name -> new HashSet<>()).add((JsonObject) entry.getValue())));
        Set<String> split = new HashSet<>();
        definitions.forEach((name, variants) -> {
            if (variants.size() > 1) {
                split.add(name);
            }
        });
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, Set<JsonObject>> entry : definitions.entrySet()) {
                if (!split.contains(entry.getKey())
                        && entry.getValue().stream().anyMatch(schema -> refersToAny(schema, split))) {
                    split.add(entry.getKey());
                    grew = true;
                }
            }
        }
        return split;
    }

    /** The name a service's schema has in the merged document. */
    static String mergedName(String service, String name, Set<String> split) {
        return split.contains(name) ? service + "." + name : name;
    }

    /** A copy of {@code node} with each {@code $ref} to a split schema pointing at the service's own. */
    static Object withOwnRefs(Object node, String service, Set<String> split) {
        if (node instanceof JsonObject object) {
            JsonObject copy = new JsonObject();
            object.forEach(entry -> {
                if (entry.getKey().equals("$ref") && entry.getValue() instanceof String ref && ref.startsWith(PREFIX)) {
                    copy.put("$ref", PREFIX + mergedName(service, ref.substring(PREFIX.length()), split));
                } else {
                    copy.put(entry.getKey(), withOwnRefs(entry.getValue(), service, split));
                }
            });
            return copy;
        }
        if (node instanceof JsonArray array) {
            JsonArray copy = new JsonArray();
            array.forEach(item -> copy.add(withOwnRefs(item, service, split)));
            return copy;
        }
        return node;
    }

    private static boolean refersToAny(Object node, Set<String> names) {
        if (node instanceof JsonObject object) {
            return object.stream().anyMatch(entry -> entry.getKey().equals("$ref") && entry.getValue() instanceof String ref
                    ? ref.startsWith(PREFIX) && names.contains(ref.substring(PREFIX.length()))
                    : refersToAny(entry.getValue(), names));
        }
        if (node instanceof JsonArray array) {
            return array.stream().anyMatch(item -> refersToAny(item, names));
        }
        return false;
    }
}
