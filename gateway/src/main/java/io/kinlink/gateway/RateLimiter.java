package io.kinlink.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per client and policy: each holds up to {@code burst} requests and refills at
 * {@code perMinute}. Kept in this gateway's memory: the limits each replica enforces alone (share
 * links, the general limit), and the shared ones while their store cannot be reached
 * ({@link SharedRateLimits}). Buckets idle long enough to be full again are dropped.
 */
final class RateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    RateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** 0 when the request may pass, else how many whole seconds until it may. */
    long secondsUntilAllowed(String key, int perMinute, int burst) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, nanoTime.getAsLong()));
        synchronized (bucket) {
            long now = nanoTime.getAsLong();
            double refillPerNano = perMinute / 60e9;
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updatedAt) * refillPerNano);
            bucket.updatedAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / refillPerNano / 1e9));
        }
    }

    /** Forgets buckets untouched for {@code idleNanos}: they would be full anyway. */
    void evictIdle(long idleNanos) {
        long now = nanoTime.getAsLong();
        buckets.values().removeIf(bucket -> now - bucket.updatedAt > idleNanos);
    }

    int size() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.updatedAt = now;
        }
    }
}
