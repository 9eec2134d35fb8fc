package io.kinlink.platform.outbox;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kinlink.outbox")
public interface OutboxSettings {

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
