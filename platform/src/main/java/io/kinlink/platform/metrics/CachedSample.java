package io.kinlink.platform.metrics;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read from the database for a gauge, kept for a short while: several gauges (and several
 * scrapers) read one sample instead of one query each. A failed read keeps the last sample.
 */
public final class CachedSample<T> {

    private final Supplier<T> read;
    private final long maxAgeNanos;
    private T value;
    private long readAt;

    public CachedSample(Supplier<T> read, T initial, Duration maxAge) {
        this.read = read;
        this.value = initial;
        this.maxAgeNanos = maxAge.toNanos();
        this.readAt = System.nanoTime() - maxAgeNanos;
    }

    public synchronized T get() {
        if (System.nanoTime() - readAt >= maxAgeNanos) {
            readAt = System.nanoTime();
            try {
                value = read.get();
            } catch (RuntimeException e) {
                // the database is away: the gauge shows the last value, readiness reports the outage
            }
        }
        return value;
    }
}
