package io.kinlink.edge.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.vertx.core.MultiMap;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * A span for each HTTP request a process serves, named by its route template (never by a raw
 * path, which carries member ids). The management paths under {@code /q} are not traced.
 */
public final class ServerSpans {

    /** Where the request's trace context waits for the code that handles it (RoutingContext data). */
    public static final String CONTEXT_KEY = "kinlink.trace-context";
    /** The route template Quarkus keeps in the request's Vert.x context; metrics read it as their uri tag. */
    public static final String ROUTE_TEMPLATE = "UrlPathTemplate";
    private static final TextMapGetter<MultiMap> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(MultiMap carrier) {
            return carrier.names();
        }

        @Override
        public String get(MultiMap carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Telemetry telemetry;
    private final boolean continueCallerTrace;

    /**
     * @param continueCallerTrace true inside the platform, where the caller is the gateway; the
     *                            gateway itself starts a new trace and only links a caller's
     */
    public ServerSpans(Telemetry telemetry, boolean continueCallerTrace) {
        this.telemetry = telemetry;
        this.continueCallerTrace = continueCallerTrace;
    }

    public void handle(RoutingContext ctx) {
        if (ctx.request().path().startsWith("/q/")) {
            ctx.next();
            return;
        }
        String method = ctx.request().method().name();
        Context caller = telemetry.propagator().extract(Context.root(), ctx.request().headers(), HEADERS);
        SpanBuilder builder = telemetry.tracer().spanBuilder(method).setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", method);
        if (continueCallerTrace) {
            builder.setParent(caller);
        } else {
            builder.setNoParent();
            SpanContext callerSpan = Span.fromContext(caller).getSpanContext();
            if (callerSpan.isValid()) {
                builder.addLink(callerSpan);
            }
        }
        Span span = builder.startSpan();
        ctx.put(CONTEXT_KEY, Context.root().with(span));
        ctx.addEndHandler(done -> {
            int status = ctx.response().getStatusCode();
            String route = routeOf(ctx);
            span.updateName(route == null ? method : method + " " + route);
            if (route != null) {
                span.setAttribute("http.route", route);
            }
            span.setAttribute("http.response.status_code", status);
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        });
        ctx.next();
    }

    /** The trace context of the request being handled; the root context outside a traced request. */
    public static Context contextOf(RoutingContext ctx) {
        Context context = ctx == null ? null : ctx.get(CONTEXT_KEY);
        return context == null ? Context.root() : context;
    }

    /** Names the route a request took, for its span and for the HTTP metrics' uri tag. */
    public static void nameRoute(RoutingContext ctx, String template) {
        requestContext(ctx).putLocal(ROUTE_TEMPLATE, template);
    }

    private static String routeOf(RoutingContext ctx) {
        Object template = requestContext(ctx).getLocal(ROUTE_TEMPLATE);
        return template == null ? null : template.toString();
    }

    /** The request's own Vert.x context, where Quarkus and its HTTP metrics keep the route template. */
    private static io.vertx.core.Context requestContext(RoutingContext ctx) {
        return ((HttpServerRequestInternal) ctx.request()).context();
    }
}
