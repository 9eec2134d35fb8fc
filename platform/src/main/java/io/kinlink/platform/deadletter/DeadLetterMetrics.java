package io.kinlink.platform.deadletter;

import java.time.Duration;

import io.kinlink.platform.metrics.CachedSample;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/** How many dead-lettered events wait for an operator's replay (read at most every 5 s). */
@Startup
@ApplicationScoped
public class DeadLetterMetrics {

    public DeadLetterMetrics(MeterRegistry registry, DeadLetters deadLetters) {
        CachedSample<Long> waiting = new CachedSample<>(deadLetters::waitingCount, 0L, Duration.ofSeconds(5));
        Gauge.builder("kinlink.dead.letters.waiting", waiting, sample -> sample.get())
                .baseUnit("events").description("Dead-lettered events waiting for a replay")
                .register(registry);
    }
}
