package io.kinlink.platform.outbox;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kinlink.outbox")
public interface OutboxSettings {

    /**
     * Whether the relay publishes at all. A replica rebuilt from the event history (a replay, an
     * audit copy) sets it false: its events stay in its outbox table and never reach the topics twice.
     */
    @WithDefault("true")
    boolean publishing();

    /** How many events one relay round publishes at most. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge a batch. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** How long published events stay in the table for diagnosis. */
    @WithDefault("P7D")
    Duration retention();

    /** The broker the relay publishes to; {@code kafka.bootstrap.servers} when absent. */
    Optional<String> bootstrapServers();
}
