package io.kinlink.platform.web;

import io.kinlink.edge.EdgeHeaders;
import io.kinlink.edge.HttpRefusals;
import io.kinlink.edge.telemetry.ServerSpans;
import io.kinlink.edge.telemetry.Telemetry;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A service's own edge: the security headers on every answer and problem bodies for the HTTP
 * layer's refusals, as at the gateway, for whoever reaches the service directly; and a span for
 * each request, continuing the gateway's trace.
 */
@ApplicationScoped
public class ServiceEdge {

    private final Telemetry telemetry;

    public ServiceEdge(Telemetry telemetry) {
        this.telemetry = telemetry;
    }

    void install(@Observes Router router) {
        router.route().order(-200).handler(ctx -> {
            ctx.addHeadersEndHandler(done -> EdgeHeaders.apply(ctx.response().headers()));
            ctx.next();
        });
        router.route().order(-190).handler(new ServerSpans(telemetry, true)::handle);
        HttpRefusals.STATUSES.forEach(status -> router.errorHandler(status, ctx -> HttpRefusals.send(ctx, status)));
    }
}
