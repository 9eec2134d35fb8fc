package io.kinlink.edge.telemetry;

import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Which traces are kept. A trace starts where work starts: a request served (SERVER), an event
 * received (CONSUMER) or published without a trace behind it (PRODUCER); a share of those, the
 * standard {@code quarkus.otel.traces.sampler.arg} (1.0), and everything under them. The relay's
 * polling queries and the scheduler's ticks begin no trace of their own, so they do not bury the
 * traces of real work. Without an OTLP endpoint (the standard
 * {@code quarkus.otel.exporter.otlp.traces.endpoint}) nothing is kept: trace ids are still made,
 * propagated and logged, and nothing is sent anywhere.
 */
@Singleton
public class WorkSampler {

    @Produces
    @Singleton
    Sampler sampler(@ConfigProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint") Optional<String> traces,
                    @ConfigProperty(name = "quarkus.otel.exporter.otlp.endpoint") Optional<String> all,
                    @ConfigProperty(name = "quarkus.otel.traces.sampler.arg", defaultValue = "1.0") double ratio) {
        if (traces.filter(url -> !url.isBlank()).isEmpty() && all.filter(url -> !url.isBlank()).isEmpty()) {
            return Sampler.alwaysOff();
        }
        return Sampler.parentBased(new RootsOfWork(Sampler.traceIdRatioBased(ratio)));
    }

    /** A root span is kept (by the ratio) only where work starts; any other root is dropped. */
    static final class RootsOfWork implements Sampler {

        private final Sampler ratio;

        RootsOfWork(Sampler ratio) {
            this.ratio = ratio;
        }

        @Override
        public SamplingResult shouldSample(Context parent, String traceId, String name, SpanKind kind,
                                           Attributes attributes, List<LinkData> links) {
            return switch (kind) {
                case SERVER, CONSUMER, PRODUCER -> ratio.shouldSample(parent, traceId, name, kind, attributes, links);
                default -> SamplingResult.drop();
            };
        }

        @Override
        public String getDescription() {
            return "RootsOfWork{" + ratio.getDescription() + "}";
        }
    }
}
