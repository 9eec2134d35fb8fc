package io.kinlink.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** One OpenAPI document for the whole public API, from the running services, and a UI on it. */
class OpenApiIT {

    private static final String REFS = "#/components/schemas/";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void platform() {
        RestAssured.baseURI = RunningPlatform.gatewayUrl();
    }

    @Test
    void the_gateway_serves_one_document_with_every_services_public_paths_and_a_ui() {
        given().get("/openapi.json").then().statusCode(200)
                .body("info.title", equalTo("Kinlink API"))
                .body("info.description", not(containsString("Not included")))
                .body("paths", hasKey("/api/members"))
                .body("paths", hasKey("/api/purchases"))
                .body("paths", hasKey("/r/{code}"))
                .body("paths", hasKey("/api/referrals/funnel"))
                .body("paths", hasKey("/api/kpis")) // the gateway's own, put together from two services
                .body("paths", hasKey("/api/members/{memberId}/rewards/balance"))
                .body("paths", hasKey("/api/rewards/rules/{ruleId}/versions"))
                .body("paths", not(hasKey("/q/health")));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    /**
     * Every $ref of the merged document resolves, and a path's schemas are its own service's: the
     * merged schema it names, fully resolved, is the service's own schema of the original name.
     */
    @Test
    void every_ref_resolves_to_its_own_services_schema() throws Exception {
        Map<String, Object> merged = JsonPath.from(given().get("/openapi.json").then().statusCode(200).extract()
                .asString()).getMap("");
        Map<String, Object> schemas = child(child(merged, "components"), "schemas");
        Map<String, Object> mergedPaths = child(merged, "paths");
        int checked = 0;
        Set<String> claimed = new HashSet<>(); // a path several services serve (the platform's dead letters): the first's
        for (Map.Entry<String, String> service : RunningPlatform.serviceUrls().entrySet()) {
            String name = service.getKey().replace("-service", "");
            HttpResponse<String> own = HTTP.send(HttpRequest.newBuilder(URI.create(service.getValue()
                    + "/q/openapi?format=json")).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, own.statusCode(), service.getKey());
            Map<String, Object> document = JsonPath.from(own.body()).getMap("");
            Map<String, Object> ownSchemas = child(child(document, "components"), "schemas");
            for (String path : child(document, "paths").keySet()) {
                if (!mergedPaths.containsKey(path) || !claimed.add(path)) {
                    continue; // internal (not in the public document), or an earlier service's
                }
                List<String> refs = new ArrayList<>();
                collectRefs(mergedPaths.get(path), refs);
                for (String ref : refs) {
                    assertTrue(schemas.containsKey(ref), path + ": " + ref + " resolves");
                    String original = ref.startsWith(name + ".") ? ref.substring(name.length() + 1) : ref;
                    assertEquals(resolved(ownSchemas.get(original), ownSchemas, new HashSet<>()),
                            resolved(schemas.get(ref), schemas, new HashSet<>()), name + " " + path + " -> " + ref);
                    checked++;
                }
            }
        }
        assertTrue(checked > 50, "checked " + checked + " references");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> node, String key) {
        return (Map<String, Object>) node.getOrDefault(key, Map.of());
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> object) {
            object.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    refs.add(((String) value).substring(REFS.length()));
                } else {
                    collectRefs(value, refs);
                }
            });
        } else if (node instanceof List<?> array) {
            array.forEach(item -> collectRefs(item, refs));
        }
    }

    /** A schema with every $ref replaced by what it names: what a reader of it sees (a cycle stops at its name). */
    private static Object resolved(Object node, Map<String, Object> schemas, Set<String> seen) {
        if (node instanceof Map<?, ?> object) {
            if (object.containsKey("$ref")) {
                String ref = ((String) object.get("$ref")).substring(REFS.length());
                if (!seen.add(ref)) {
                    return "cycle:" + ref.substring(ref.indexOf('.') + 1);
                }
                Object target = resolved(schemas.get(ref), schemas, seen);
                seen.remove(ref);
                return target;
            }
            Map<Object, Object> copy = new TreeMap<>();
            object.forEach((key, value) -> copy.put(key, resolved(value, schemas, seen)));
            return copy;
        }
        if (node instanceof List<?> array) {
            return array.stream().map(item -> resolved(item, schemas, seen)).toList();
        }
        return node;
    }
}
