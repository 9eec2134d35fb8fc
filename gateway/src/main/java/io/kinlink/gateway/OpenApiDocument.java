package io.kinlink.gateway;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Serves {@code /openapi.json}: the services' documents, fetched now and merged. */
final class OpenApiDocument {

    private final HttpClient client;
    private final GatewaySettings settings;

    OpenApiDocument(HttpClient client, GatewaySettings settings) {
        this.client = client;
        this.settings = settings;
    }

    void serve(RoutingContext ctx) {
        List<String> names = new ArrayList<>(settings.services().keySet());
        names.sort(String::compareTo);
        List<Future<JsonObject>> fetches = names.stream().map(name -> fetch(settings.services().get(name))).toList();
        Future.join(fetches).onComplete(done -> {
            Map<String, JsonObject> documents = new LinkedHashMap<>();
            List<String> unavailable = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (fetches.get(i).succeeded()) {
                    documents.put(names.get(i), fetches.get(i).result());
                } else {
                    unavailable.add(names.get(i));
                }
            }
            // relative to where the document was read, never a host named by the request's Host header
            ctx.response().putHeader("Content-Type", "application/json")
                    .end(OpenApiMerge.merge(documents, unavailable, "/").encodePrettily());
        });
    }

    private Future<JsonObject> fetch(URI base) {
        return client.request(new RequestOptions().setMethod(HttpMethod.GET)
                        .setAbsoluteURI(base.resolve("/q/openapi?format=json").toString())
                        .setIdleTimeout(settings.timeout().toMillis())
                        .setHeaders(MultiMap.caseInsensitiveMultiMap().add("Accept", "application/json")))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("status " + response.statusCode()))
                .map(body -> new JsonObject(body));
    }
}
