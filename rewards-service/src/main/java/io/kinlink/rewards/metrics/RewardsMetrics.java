package io.kinlink.rewards.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.kinlink.events.CouponChanged;
import io.kinlink.platform.metrics.AfterCommit;
import io.kinlink.platform.outbox.Appended;
import io.kinlink.rewards.coupons.CouponStatus;
import io.kinlink.rewards.ledger.Posted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * The rewards service's business as counters, counted once committed: every ledger transaction
 * by reason and chain level, the points it moved in or out, coupons by what happened to them;
 * and the pipeline's latency, from a purchase's recording to the commit of its credits.
 */
@Startup
@ApplicationScoped
public class RewardsMetrics {

    private final MeterRegistry registry;
    private final AfterCommit afterCommit;
    private final Clock clock;
    private final Timer pipeline;

    public RewardsMetrics(MeterRegistry registry, AfterCommit afterCommit, Clock clock) {
        this.registry = registry;
        this.afterCommit = afterCommit;
        this.clock = clock;
        this.pipeline = Timer.builder("kinlink.pipeline.latency")
                .description("From a purchase's recording in the member service to the commit of its credits here")
                .register(registry);
        for (CouponStatus status : CouponStatus.values()) {
            coupons(status.name());
        }
    }

    /**
     * A purchase's rewards were decided in the current transaction; its latency counts once it commits.
     *
     * @param recordedAt when the partner's purchase was recorded; null for events from before it was carried
     */
    public void purchaseRewarded(Instant recordedAt) {
        if (recordedAt != null) {
            afterCommit.run(() -> pipeline.record(Duration.between(recordedAt, clock.instant())));
        }
    }

    void countPosting(@Observes(during = TransactionPhase.AFTER_SUCCESS) Posted posted) {
        String reason = posted.posting().reason();
        Integer level = posted.posting().chainLevel();
        Counter.builder("kinlink.ledger.transactions")
                .description("Ledger transactions posted, by reason and the member's chain level (none for their own)")
                .tag("reason", reason).tag("level", level == null ? "none" : level.toString())
                .register(registry).increment();
        long points = posted.memberPoints();
        if (points > 0) {
            Counter.builder("kinlink.points.credited").description("Points credited to members, by reason and level")
                    .tag("reason", reason).tag("level", level == null ? "none" : level.toString())
                    .register(registry).increment(points);
        } else if (points < 0) {
            Counter.builder("kinlink.points.debited")
                    .description("Points taken from members, by reason: redeemed, expired, reversed or clawed back")
                    .tag("reason", reason).register(registry).increment(-points);
        }
    }

    void countCoupon(@Observes(during = TransactionPhase.AFTER_SUCCESS) Appended appended) {
        if (appended.event() instanceof CouponChanged coupon) {
            coupons(coupon.status()).increment();
        }
    }

    private Counter coupons(String status) {
        return Counter.builder("kinlink.coupons").description("Coupons by what happened to them (issued, redeemed, ...)")
                .tag("status", status).register(registry);
    }
}
