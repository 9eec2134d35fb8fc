package io.kinlink.platform;

import java.time.Clock;
import java.time.Duration;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The clock rules read the time from; tests replace it to move time deliberately. It ticks in
 * microseconds, the precision PostgreSQL keeps, so a value read back equals the value written
 * (an idempotent replay answers exactly what the first call answered).
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
