package io.kinlink.gateway;

import io.kinlink.edge.telemetry.LogContext;
import io.kinlink.edge.telemetry.ServerSpans;
import io.kinlink.edge.telemetry.Telemetry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Each forwarded request as a client span (whose context the service continues) and in the
 * upstream latency histogram by service, route and status, so an operator sees which service
 * answers slowly or with errors, and how often the gateway could not reach it at all.
 */
final class UpstreamCalls {

    private final Telemetry telemetry;
    private final MeterRegistry registry;

    UpstreamCalls(Telemetry telemetry, MeterRegistry registry) {
        this.telemetry = telemetry;
        this.registry = registry;
    }

    /** One call on its way to a service. */
    final class Call {

        private final String service;
        private final String route;
        private final Span span;
        private final Timer.Sample sample;

        private Call(RoutingContext ctx, String service, String route, String requestId) {
            this.service = service;
            this.route = route;
            String method = ctx.request().method().name();
            this.span = telemetry.tracer().spanBuilder(method + " " + route)
                    .setSpanKind(SpanKind.CLIENT)
                    .setParent(ServerSpans.contextOf(ctx))
                    .setAttribute("http.request.method", method)
                    .setAttribute("http.route", route)
                    .setAttribute("server.address", service)
                    .setAttribute("kinlink.request.id", requestId)
                    .startSpan();
            this.sample = Timer.start(registry);
        }

        /** Puts the call's trace context (W3C traceparent) among the headers the service gets. */
        void propagateInto(MultiMap headers) {
            telemetry.propagator().inject(Context.root().with(span), headers, MultiMap::set);
        }

        /** The request id, the trace and the call's span in the log lines written until it is closed. */
        LogContext logContext(String requestId) {
            return LogContext.of(requestId, span.getSpanContext());
        }

        /** @param status what the caller got: the service's status, or the gateway's 503/504 when it did not answer */
        void finished(int status) {
            span.setAttribute("http.response.status_code", status);
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
            sample.stop(Timer.builder("kinlink.gateway.upstream.requests")
                    .description("Requests forwarded to a service, by service, route and the status the caller got")
                    .tag("service", service).tag("route", route).tag("status", Integer.toString(status))
                    .register(registry));
        }
    }

    /** @param requestId the request's X-Request-Id, which finds its trace from a log line or a support ticket */
    Call start(RoutingContext ctx, String service, String route, String requestId) {
        return new Call(ctx, service, route, requestId);
    }
}
