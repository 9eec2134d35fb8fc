package io.kinlink.platform.web;

import org.jboss.logging.MDC;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Puts the gateway's request id into every log line written while a request is handled (the
 * log format shows {@code %X{requestId}}), so one id finds a request in every service's log.
 */
@Provider
public class RequestIdLogging implements ContainerRequestFilter, ContainerResponseFilter {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";

    @Override
    public void filter(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id != null && id.matches("[A-Za-z0-9._-]{8,64}")) {
            MDC.put(MDC_KEY, id);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MDC.remove(MDC_KEY);
    }
}
