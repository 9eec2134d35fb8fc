package io.kinlink.member.ratelimit;

import java.time.Duration;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Drops the shared buckets nobody used for an hour; with several replicas a second purge finds nothing left. */
@ApplicationScoped
class IdleBucketPurge {

    /** Longer than any configured limit takes to refill from empty. */
    static final Duration IDLE = Duration.ofHours(1);

    private final RateBuckets buckets;

    IdleBucketPurge(RateBuckets buckets) {
        this.buckets = buckets;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        buckets.purgeIdle(IDLE);
    }
}
