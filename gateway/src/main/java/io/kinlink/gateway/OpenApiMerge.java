package io.kinlink.gateway;

import java.util.List;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Merges the services' OpenAPI documents into one for the public API: only paths the gateway
 * routes (under /api and /r) are kept; schemas are pooled, the first service's winning when two
 * define the same name (they share their events and problem types through the platform module).
 */
final class OpenApiMerge {

    private static final Pattern PUBLIC = Pattern.compile("/(api|r)(/.*)?");

    private OpenApiMerge() {
    }

    /** @param unavailable services whose document could not be read; named in the description */
    static JsonObject merge(List<JsonObject> documents, List<String> unavailable, String serverUrl) {
        JsonObject paths = new JsonObject();
        JsonObject schemas = new JsonObject();
        for (JsonObject document : documents) {
            JsonObject servicePaths = document.getJsonObject("paths", new JsonObject());
            servicePaths.forEach(entry -> {
                if (PUBLIC.matcher(entry.getKey()).matches() && !paths.containsKey(entry.getKey())) {
                    paths.put(entry.getKey(), entry.getValue());
                }
            });
            JsonObject serviceSchemas = document.getJsonObject("components", new JsonObject())
                    .getJsonObject("schemas", new JsonObject());
            serviceSchemas.forEach(entry -> {
                if (!schemas.containsKey(entry.getKey())) {
                    schemas.put(entry.getKey(), entry.getValue());
                }
            });
        }
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
