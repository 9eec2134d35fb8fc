package io.kinlink.edge.telemetry;

import java.util.List;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
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

    private static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";
    private static final String ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";

    @Produces
    @Singleton
    Sampler sampler(@ConfigProperty(name = "quarkus.otel.traces.sampler.arg", defaultValue = "1.0") double ratio) {
        Config config = ConfigProvider.getConfig();
        if (!configured(config.getConfigValue(TRACES_ENDPOINT)) && !configured(config.getConfigValue(ENDPOINT))) {
            return Sampler.alwaysOff();
        }
        return Sampler.parentBased(new RootsOfWork(Sampler.traceIdRatioBased(ratio)));
    }

    /**
     * Whether someone set the endpoint: the extension gives {@code quarkus.otel.exporter.otlp.endpoint}
     * a default ({@code http://localhost:4317/}), which would have every service sample and export to
     * a collector that is not there (and pay for a span per JDBC statement). Defaults live in the
     * lowest-ordinal source; every source a person writes to ranks above 0.
     */
    static boolean configured(ConfigValue endpoint) {
        return endpoint.getValue() != null && !endpoint.getValue().isBlank() && endpoint.getSourceOrdinal() > 0;
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
