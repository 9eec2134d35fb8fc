package io.kinlink.member.ratelimit;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The token buckets gateway replicas share (the partner keys' rates, the login and registration
 * limits): each lease is one statement in a transaction of its own.
 */
@ApplicationScoped
public class RateBuckets {

    private final RateBucketRepository buckets;

    RateBuckets(RateBucketRepository buckets) {
        this.buckets = buckets;
    }

    /**
     * Refills the bucket for the time since its last lease, takes back the {@code returned} tokens
     * a gateway did not spend, and hands out up to {@code wanted}.
     */
    @Transactional
    public RateLease lease(String bucket, int perMinute, int burst, int wanted, int returned) {
        return buckets.lease(bucket, perMinute, burst, wanted, returned);
    }

    /** Forgets buckets untouched for {@code idle}: longer than any refill, so they would be full anyway. */
    @Transactional
    public int purgeIdle(Duration idle) {
        return buckets.purgeIdle(idle);
    }
}
