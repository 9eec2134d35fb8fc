package io.kinlink.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

class OpenApiMergeTest {

    private static JsonObject document(String path, String schema, String schemaType) {
        return new JsonObject()
                .put("paths", new JsonObject().put(path, new JsonObject().put("get", new JsonObject()))
                        .put("/q/health", new JsonObject().put("get", new JsonObject())))
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put(schema, new JsonObject().put("type", schemaType))));
    }

    @Test
    void the_public_paths_of_every_service_are_merged_and_internal_ones_left_out() {
        JsonObject merged = OpenApiMerge.merge(List.of(document("/api/members", "Problem", "object"),
                document("/r/{code}", "Problem", "string")), List.of(), "http://gw");
        assertEquals(Set.of("/api/members", "/r/{code}"), merged.getJsonObject("paths").fieldNames());
        assertEquals("object", merged.getJsonObject("components").getJsonObject("schemas")
                .getJsonObject("Problem").getString("type"), "the first service's schema wins a name");
        assertEquals("http://gw", merged.getJsonArray("servers").getJsonObject(0).getString("url"));
        assertEquals("X-Api-Key", merged.getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("partnerKey").getString("name"), "partners are told where their key goes");
    }

    @Test
    void a_service_that_could_not_be_read_is_named_in_the_description() {
        JsonObject merged = OpenApiMerge.merge(List.of(), List.of("rewards"), "http://gw");
        assertTrue(merged.getJsonObject("info").getString("description").contains("rewards"));
        assertEquals(0, merged.getJsonObject("paths").size());
    }
}
