package io.kinlink.edge.telemetry;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where traces go, and how many are kept. */
@ConfigMapping(prefix = "kinlink.telemetry")
public interface TelemetrySettings {

    /**
     * The OTLP/HTTP collector, for example {@code http://otel-collector:4318}; spans go to its
     * {@code /v1/traces}. Without it, traces are still made and propagated (their ids are in every
     * log line) but exported nowhere: the local stack's default.
     */
    Optional<String> otlpEndpoint();

    /** The share of new traces kept (0 to 1); a trace started upstream keeps its caller's decision. */
    @WithDefault("1.0")
    double sampleRatio();

    /** How long finished spans wait to be exported in a batch. */
    @WithDefault("1s")
    Duration exportDelay();
}
