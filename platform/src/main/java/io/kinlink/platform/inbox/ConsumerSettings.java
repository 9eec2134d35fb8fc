package io.kinlink.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How consumers retry, and how long their inbox remembers. */
@ConfigMapping(prefix = "kinlink.consumer")
public interface ConsumerSettings {

    /** Tries per event before it goes to the dead-letter topic. */
    @WithDefault("5")
    int maxAttempts();

    /** Wait before the second try; it doubles for each further one. */
    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("5s")
    Duration maxBackoff();

    /**
     * How long the inbox remembers an applied event: longer than the topics keep them (30 days in
     * production), so no redelivery or replay can meet an inbox that forgot it.
     */
    @WithDefault("P60D")
    Duration inboxRetention();
}
