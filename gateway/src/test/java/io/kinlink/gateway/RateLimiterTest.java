package io.kinlink.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final RateLimiter limiter = new RateLimiter(now::get);

    @Test
    void a_burst_passes_then_requests_wait_for_the_refill() {
        for (int i = 0; i < 5; i++) {
            assertEquals(0, limiter.secondsUntilAllowed("ip", 10, 5));
        }
        assertEquals(6, limiter.secondsUntilAllowed("ip", 10, 5), "10 a minute: one every 6 s");
        now.addAndGet(TimeUnit.SECONDS.toNanos(6));
        assertEquals(0, limiter.secondsUntilAllowed("ip", 10, 5));
        assertEquals(6, limiter.secondsUntilAllowed("ip", 10, 5));
        assertEquals(0, limiter.secondsUntilAllowed("another-ip", 10, 5), "each client has its own bucket");
    }

    @Test
    void a_long_pause_refills_no_more_than_the_burst_and_idle_buckets_are_forgotten() {
        for (int i = 0; i < 3; i++) {
            limiter.secondsUntilAllowed("ip", 60, 3);
        }
        now.addAndGet(TimeUnit.HOURS.toNanos(1));
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.secondsUntilAllowed("ip", 60, 3));
        }
        assertEquals(1, limiter.secondsUntilAllowed("ip", 60, 3));
        now.addAndGet(TimeUnit.MINUTES.toNanos(11));
        limiter.evictIdle(TimeUnit.MINUTES.toNanos(10));
        assertEquals(0, limiter.size());
    }
}
