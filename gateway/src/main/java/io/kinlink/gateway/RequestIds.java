package io.kinlink.gateway;

import java.util.UUID;
import java.util.regex.Pattern;

import io.opentelemetry.api.trace.Span;
import io.vertx.ext.web.RoutingContext;

/**
 * Every request gets an id that travels to the services, into their logs and back to the caller,
 * so one id finds a request everywhere. A caller's own id is kept when it is well formed.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String CONTEXT_KEY = "kinlink.request-id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private RequestIds() {
    }

    static void assign(RoutingContext ctx) {
        ensure(ctx);
        ctx.next();
    }

    /** The request's id, assigning one first if the request has none yet. */
    static String ensure(RoutingContext ctx) {
        String assigned = ctx.get(CONTEXT_KEY);
        if (assigned != null) {
            return assigned;
        }
        String given = ctx.request().getHeader(HEADER);
        String id = given != null && WELL_FORMED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.put(CONTEXT_KEY, id);
        ctx.response().putHeader(HEADER, id);
        // the request's trace is found from its id (a log line, a support ticket)
        Span.current().setAttribute("kinlink.request.id", id);
        return id;
    }
}
