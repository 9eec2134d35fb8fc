package io.kinlink.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Merges the services' OpenAPI documents into one for the public API: only paths the gateway
 * routes (under /api and /r) are kept; schemas are pooled, a name two services define differently
 * kept apart per service ({@link SchemaNamespaces}), so every {@code $ref} leads to its own
 * service's schema.
 */
final class OpenApiMerge {

    private static final Pattern PUBLIC = Pattern.compile("/(api|r)(/.*)?");

    private OpenApiMerge() {
    }

    /** @param unavailable services whose document could not be read; named in the description */
    /** @param documents each service's document by the service's name, in the order their paths take precedence */
    static JsonObject merge(Map<String, JsonObject> documents, List<String> unavailable, String serverUrl) {
        Map<String, JsonObject> schemasByService = new LinkedHashMap<>();
        documents.forEach((service, document) -> schemasByService.put(service,
                document.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject())));
        Set<String> split = SchemaNamespaces.conflicting(schemasByService);
        JsonObject paths = new JsonObject();
        JsonObject schemas = new JsonObject();
        documents.forEach((service, document) -> {
            document.getJsonObject("paths", new JsonObject()).forEach(entry -> {
                if (PUBLIC.matcher(entry.getKey()).matches() && !paths.containsKey(entry.getKey())) {
                    paths.put(entry.getKey(), SchemaNamespaces.withOwnRefs(entry.getValue(), service, split));
                }
            });
            schemasByService.get(service).forEach(entry -> schemas.put(
                    SchemaNamespaces.mergedName(service, entry.getKey(), split),
                    SchemaNamespaces.withOwnRefs(entry.getValue(), service, split)));
        });
        JsonObject referralKpis = paths.getJsonObject("/api/referrals/kpis");
        if (referralKpis != null) {
            // the gateway's own answer takes the same query and gives the same shape, with all five KPIs
            JsonObject kpis = referralKpis.copy();
            kpis.getJsonObject("get").put("summary", "The programme's five KPIs per month (referral and rewards)")
                    .remove("operationId");
            paths.put(KpiComposition.PATH, kpis);
        }
        String description = "Members, referrals and rewards of Kinlink, through its gateway. Members and operators "
                + "send a bearer access token (POST /api/auth/member-token, /api/auth/operator-token); partners their API "
                + "key in X-Api-Key. A member's own data is also at /api/me/..., the same as /api/members/{their id}/...."
                + (unavailable.isEmpty() ? "" : " Not included (unreachable just now): " + String.join(", ", unavailable) + ".");
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "Kinlink API").put("version", "0.1.0")
                        .put("description", description))
                .put("servers", new JsonArray().add(new JsonObject().put("url", serverUrl)))
                .put("paths", paths)
                .put("security", new JsonArray().add(new JsonObject().put("accessToken",
                        new JsonArray())).add(new JsonObject().put("partnerKey",
                        new JsonArray())))
                .put("components", new JsonObject().put("schemas", schemas).put("securitySchemes", new JsonObject()
                        .put("accessToken", new JsonObject().put("type", "http").put("scheme", "bearer")
                                .put("bearerFormat", "JWT"))
                        .put("partnerKey", new JsonObject().put("type", "apiKey").put("in", "header")
                                .put("name", PartnerKeyCheck.HEADER))));
    }
}
