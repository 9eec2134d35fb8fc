package io.kinlink.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
}
