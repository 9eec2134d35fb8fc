package io.kinlink.edge.telemetry;

import org.jboss.logging.MDC;

/**
 * Puts the gateway's request id into the log lines written until it is closed (the log formats and
 * the JSON logs show {@code requestId}), so a log line leads to its request and a support ticket's
 * id to its lines. The trace and span ids beside it ({@code traceId}, {@code spanId}) are the
 * quarkus-opentelemetry extension's, set whenever a span is current.
 */
public final class LogContext implements AutoCloseable {

    static final String REQUEST_ID = "requestId";

    private LogContext() {
    }

    /** @param requestId the request's id, or null outside a request */
    public static LogContext of(String requestId) {
        if (requestId != null) {
            MDC.put(REQUEST_ID, requestId);
        }
        return new LogContext();
    }

    @Override
    public void close() {
        MDC.remove(REQUEST_ID);
    }
}
