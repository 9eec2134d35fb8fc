package io.kinlink.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Each forwarded request in the upstream latency histogram by service, route and status, so an
 * operator sees which service answers slowly or with errors, and how often the gateway could not
 * reach it at all. Its client span, and the trace context the service continues, are the
 * quarkus-opentelemetry extension's (the Vert.x HTTP client is traced).
 */
final class UpstreamCalls {

    private final MeterRegistry registry;

    UpstreamCalls(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One call on its way to a service. */
    final class Call {

        private final String service;
        private final String route;
        private final Timer.Sample sample;

        private Call(String service, String route) {
            this.service = service;
            this.route = route;
            this.sample = Timer.start(registry);
        }

        /** @param status what the caller got: the service's status, or the gateway's 503/504 when it did not answer */
        void finished(int status) {
            sample.stop(Timer.builder("kinlink.gateway.upstream.requests")
                    .description("Requests forwarded to a service, by service, route and the status the caller got")
                    .tag("service", service).tag("route", route).tag("status", Integer.toString(status))
                    .register(registry));
        }
    }

    Call start(String service, String route) {
        return new Call(service, route);
    }
}
