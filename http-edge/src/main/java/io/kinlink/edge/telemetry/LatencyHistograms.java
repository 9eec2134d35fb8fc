package io.kinlink.edge.telemetry;

import java.time.Duration;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Latencies as histograms with fixed buckets around their objectives, so Prometheus can compute
 * percentiles across replicas ({@code histogram_quantile}) and alert on an SLO. Fixed buckets keep
 * the series count small, unlike Micrometer's default of some seventy per histogram.
 */
@Singleton
public class LatencyHistograms {

    /** HTTP answers: the reads' objective is 20 ms, the writes' 50 ms. */
    static final Duration[] HTTP = buckets(5, 10, 20, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000);
    /** A purchase from its recording to its credits: the objective is 1 s at the 99th percentile. */
    static final Duration[] PIPELINE = buckets(50, 100, 250, 500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000);

    @Produces
    @Singleton
    MeterFilter latencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                Duration[] buckets = switch (id.getName()) {
                    case "http.server.requests", "kinlink.gateway.upstream.requests" -> HTTP;
                    case "kinlink.pipeline.latency", "kinlink.events.processing" -> PIPELINE;
                    default -> null;
                };
                if (buckets == null) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(false)
                        .serviceLevelObjectives(nanos(buckets))
                        .build()
                        .merge(config);
            }
        };
    }

    private static Duration[] buckets(long... millis) {
        Duration[] buckets = new Duration[millis.length];
        for (int i = 0; i < millis.length; i++) {
            buckets[i] = Duration.ofMillis(millis[i]);
        }
        return buckets;
    }

    private static double[] nanos(Duration[] buckets) {
        double[] nanos = new double[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            nanos[i] = buckets[i].toNanos();
        }
        return nanos;
    }
}
