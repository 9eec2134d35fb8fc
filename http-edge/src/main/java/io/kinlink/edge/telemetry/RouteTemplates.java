package io.kinlink.edge.telemetry;

import io.opentelemetry.api.trace.Span;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * Names the route a request took (never its raw path, which carries member ids), where Quarkus
 * REST does not: at the gateway, whose routes are Vert.x Web patterns. The HTTP metrics' uri tag
 * and the request's server span both take the name.
 */
public final class RouteTemplates {

    /** The route template Quarkus keeps in the request's Vert.x context; metrics read it as their uri tag. */
    static final String ROUTE_TEMPLATE = "UrlPathTemplate";

    private RouteTemplates() {
    }

    public static void name(RoutingContext ctx, String template) {
        ((HttpServerRequestInternal) ctx.request()).context().putLocal(ROUTE_TEMPLATE, template);
        Span server = Span.current();
        server.setAttribute("http.route", template);
        server.updateName(ctx.request().method().name() + " " + template);
    }
}
