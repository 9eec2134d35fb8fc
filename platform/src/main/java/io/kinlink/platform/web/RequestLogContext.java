package io.kinlink.platform.web;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.kinlink.edge.telemetry.LogContext;
import io.kinlink.edge.telemetry.ServerSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * While a resource handles a request, its span is the current one (so the events it writes carry
 * the trace on) and every log line names the gateway's request id, the trace and the span. Both
 * filters run on the thread of the resource method.
 */
public class RequestLogContext {

    static final String HEADER = "X-Request-Id";
    private static final String SCOPE = RequestLogContext.class.getName() + ".scope";
    private static final String LOGGED = RequestLogContext.class.getName() + ".log";

    @ServerRequestFilter
    public void enter(ContainerRequestContext request, RoutingContext routing) {
        String id = request.getHeaderString(HEADER);
        Context context = ServerSpans.contextOf(routing);
        request.setProperty(SCOPE, context.makeCurrent());
        request.setProperty(LOGGED, LogContext.of(id != null && id.matches("[A-Za-z0-9._-]{8,64}") ? id : null,
                Span.fromContext(context).getSpanContext()));
    }

    @ServerResponseFilter
    public void leave(ContainerRequestContext request) {
        if (request.getProperty(LOGGED) instanceof LogContext logged) {
            logged.close();
        }
        if (request.getProperty(SCOPE) instanceof Scope scope) {
            scope.close();
        }
    }
}
