package io.kinlink.platform.web;

import io.kinlink.edge.EdgeHeaders;
import io.kinlink.edge.HttpRefusals;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A service's own edge: the security headers on every answer and problem bodies for the HTTP
 * layer's refusals, as at the gateway, for whoever reaches the service directly. (Each request's
 * span, continuing the gateway's trace, is the quarkus-opentelemetry extension's.)
 */
@ApplicationScoped
public class ServiceEdge {

    void install(@Observes Router router) {
        router.route().order(-200).handler(ctx -> {
            ctx.addHeadersEndHandler(done -> EdgeHeaders.apply(ctx.response().headers()));
            ctx.next();
        });
        HttpRefusals.STATUSES.forEach(status -> router.errorHandler(status, ctx -> HttpRefusals.send(ctx, status)));
    }
}
