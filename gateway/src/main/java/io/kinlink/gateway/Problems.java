package io.kinlink.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** RFC 9457 problem responses for what the gateway itself refuses or cannot deliver. */
final class Problems {

    private Problems() {
    }

    static void send(RoutingContext ctx, int status, String slug, String title, String detail) {
        if (ctx.response().ended()) {
            return;
        }
        JsonObject problem = new JsonObject()
                .put("type", "urn:kinlink:problem:" + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path());
        problem.put("requestId", RequestIds.ensure(ctx));
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(problem.encode());
    }
}
