package io.kinlink.platform.web;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.kinlink.edge.telemetry.LogContext;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * While a resource handles a request, every log line names the gateway's request id (and, from the
 * quarkus-opentelemetry extension, the trace and the span). Both filters run on the thread of the
 * resource method.
 */
public class RequestLogContext {

    static final String HEADER = "X-Request-Id";
    private static final String LOGGED = RequestLogContext.class.getName() + ".log";

    @ServerRequestFilter
    public void enter(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        request.setProperty(LOGGED, LogContext.of(id != null && id.matches("[A-Za-z0-9._-]{8,64}") ? id : null));
    }

    @ServerResponseFilter
    public void leave(ContainerRequestContext request) {
        if (request.getProperty(LOGGED) instanceof LogContext logged) {
            logged.close();
        }
    }
}
