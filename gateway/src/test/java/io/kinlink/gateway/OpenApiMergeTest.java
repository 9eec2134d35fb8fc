package io.kinlink.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

class OpenApiMergeTest {

    private static final JsonObject PROBLEM = new JsonObject().put("type", "object")
            .put("properties", new JsonObject().put("title", new JsonObject().put("type", "string")));

    private static JsonObject document(String path, String schema, String schemaType) {
        return new JsonObject()
                .put("paths", new JsonObject().put(path, new JsonObject().put("get", new JsonObject()))
                        .put("/q/health", new JsonObject().put("get", new JsonObject())))
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put(schema, new JsonObject().put("type", schemaType))));
    }

    private static JsonObject ref(String name) {
        return new JsonObject().put("$ref", SchemaNamespaces.PREFIX + name);
    }

    /** A service answering {@code path} with its own {@code Page} of {@code item}, and the platform's Problem. */
    private static JsonObject pagedService(String path, String item, String itemField) {
        JsonObject page = new JsonObject().put("type", "object").put("properties", new JsonObject()
                .put("items", new JsonObject().put("type", "array").put("items", ref(item)))
                .put("total", new JsonObject().put("type", "integer")));
        JsonObject answers = new JsonObject()
                .put("200", new JsonObject().put("content", new JsonObject().put("application/json",
                        new JsonObject().put("schema", ref("Page")))))
                .put("400", new JsonObject().put("content", new JsonObject().put("application/problem+json",
                        new JsonObject().put("schema", ref("Problem")))));
        return new JsonObject()
                .put("paths", new JsonObject().put(path, new JsonObject().put("get",
                        new JsonObject().put("responses", answers))))
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put("Page", page)
                        .put("Listing", new JsonObject().put("type", "object").put("properties",
                                new JsonObject().put("page", ref("Page"))))
                        .put(item, new JsonObject().put("type", "object").put("properties",
                                new JsonObject().put(itemField, new JsonObject().put("type", "string"))))
                        .put("Problem", PROBLEM.copy())));
    }

    private static Map<String, JsonObject> services(Object... nameThenDocument) {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        for (int i = 0; i < nameThenDocument.length; i += 2) {
            documents.put((String) nameThenDocument[i], (JsonObject) nameThenDocument[i + 1]);
        }
        return documents;
    }

    @Test
    void the_public_paths_of_every_service_are_merged_and_internal_ones_left_out() {
        JsonObject merged = OpenApiMerge.merge(services("member", document("/api/members", "Problem", "object"),
                "referral", document("/r/{code}", "Problem", "object")), List.of(), "/");
        assertEquals(Set.of("/api/members", "/r/{code}"), merged.getJsonObject("paths").fieldNames());
        assertEquals(Set.of("Problem"), merged.getJsonObject("components").getJsonObject("schemas").fieldNames(),
                "a schema both define alike stays one");
        assertEquals("/", merged.getJsonArray("servers").getJsonObject(0).getString("url"));
        assertEquals("X-Api-Key", merged.getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("partnerKey").getString("name"), "partners are told where their key goes");
    }

    @Test
    void schemas_of_one_name_that_differ_stay_apart_and_every_ref_leads_to_its_own_services_schema() {
        Map<String, JsonObject> documents = services(
                "member", pagedService("/api/members", "MemberView", "phone"),
                "rewards", pagedService("/api/rewards/coupons", "CouponView", "code"));
        JsonObject merged = OpenApiMerge.merge(documents, List.of(), "/");
        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");

        assertTrue(schemas.containsKey("member.Page") && schemas.containsKey("rewards.Page"), schemas.fieldNames().toString());
        assertFalse(schemas.containsKey("Page"), "no Page that is only one of them");
        assertTrue(schemas.containsKey("member.Listing") && schemas.containsKey("rewards.Listing"),
                "alike in text, but each refers to its own Page: apart too");
        assertTrue(schemas.containsKey("Problem") && schemas.containsKey("MemberView") && schemas.containsKey("CouponView"));

        // every $ref resolves, and to the schema its own service defines under the original name
        for (Map.Entry<String, JsonObject> service : documents.entrySet()) {
            JsonObject own = service.getValue().getJsonObject("components").getJsonObject("schemas");
            for (String path : service.getValue().getJsonObject("paths").fieldNames()) {
                List<String> refs = new ArrayList<>();
                collectRefs(merged.getJsonObject("paths").getJsonObject(path), refs);
                assertEquals(2, refs.size());
                for (String name : refs) {
                    assertTrue(schemas.containsKey(name), name + " resolves");
                    String original = name.startsWith(service.getKey() + ".") ? name.substring(service.getKey().length() + 1) : name;
                    assertEquals(resolvedFully(own.getJsonObject(original), own),
                            resolvedFully(schemas.getJsonObject(name), schemas), path + " -> " + name);
                }
            }
        }
    }

    @Test
    void a_service_that_could_not_be_read_is_named_in_the_description() {
        JsonObject merged = OpenApiMerge.merge(Map.of(), List.of("rewards"), "/");
        assertTrue(merged.getJsonObject("info").getString("description").contains("rewards"));
        assertEquals(0, merged.getJsonObject("paths").size());
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof JsonObject object) {
            object.forEach(entry -> {
                if (entry.getKey().equals("$ref")) {
                    refs.add(((String) entry.getValue()).substring(SchemaNamespaces.PREFIX.length()));
                } else {
                    collectRefs(entry.getValue(), refs);
                }
            });
        } else if (node instanceof JsonArray array) {
            array.forEach(item -> collectRefs(item, refs));
        }
    }

    /** The schema with every $ref replaced by what it points to in {@code schemas}: what a reader of it sees. */
    private static Object resolvedFully(Object node, JsonObject schemas) {
        if (node instanceof JsonObject object) {
            if (object.containsKey("$ref")) {
                return resolvedFully(schemas.getJsonObject(object.getString("$ref")
                        .substring(SchemaNamespaces.PREFIX.length())), schemas);
            }
            JsonObject copy = new JsonObject();
            object.forEach(entry -> copy.put(entry.getKey(), resolvedFully(entry.getValue(), schemas)));
            return copy;
        }
        if (node instanceof JsonArray array) {
            JsonArray copy = new JsonArray();
            array.forEach(item -> copy.add(resolvedFully(item, schemas)));
            return copy;
        }
        return node;
    }
}
