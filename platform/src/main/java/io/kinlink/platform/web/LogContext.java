package io.kinlink.platform.web;

import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * Puts the current span's trace and span ids into the log lines written until it is closed (the
 * log format and the JSON logs show {@code traceId} and {@code spanId}), so a log line leads to its
 * trace and a trace to its log lines.
 */
public final class LogContext implements AutoCloseable {

    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";

    private LogContext() {
    }

    public static LogContext ofCurrentSpan() {
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            MDC.put(TRACE_ID, span.getTraceId());
            MDC.put(SPAN_ID, span.getSpanId());
        }
        return new LogContext();
    }

    @Override
    public void close() {
        MDC.remove(TRACE_ID);
        MDC.remove(SPAN_ID);
    }
}
