package io.kinlink.edge.telemetry;

import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.SpanContext;

/**
 * Puts a request's id and a span's trace and span ids into the log lines written until it is
 * closed (the log formats and the JSON logs show {@code requestId}, {@code traceId} and
 * {@code spanId}), so a log line leads to its request and its trace, and back.
 */
public final class LogContext implements AutoCloseable {

    static final String REQUEST_ID = "requestId";
    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";

    private LogContext() {
    }

    /** @param requestId the request's id, or null outside a request; an invalid span adds no trace ids */
    public static LogContext of(String requestId, SpanContext span) {
        if (requestId != null) {
            MDC.put(REQUEST_ID, requestId);
        }
        if (span.isValid()) {
            MDC.put(TRACE_ID, span.getTraceId());
            MDC.put(SPAN_ID, span.getSpanId());
        }
        return new LogContext();
    }

    @Override
    public void close() {
        MDC.remove(REQUEST_ID);
        MDC.remove(TRACE_ID);
        MDC.remove(SPAN_ID);
    }
}
