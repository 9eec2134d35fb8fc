package io.kinlink.rewards.jobs;

import java.time.Clock;
import java.time.Instant;

import io.kinlink.rewards.coupons.CouponService;
import io.kinlink.rewards.gate.HeldRewardDecisions;
import io.kinlink.rewards.holding.HoldingRelease;
import io.kinlink.rewards.lots.PointsExpiry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The ledger's timed work. A missed run is made up by the next, which handles all that is due;
 * {@code off} as the interval switches a job off (tests drive the jobs with their own clock).
 */
@ApplicationScoped
public class RewardJobs {

    private final HoldingRelease release;
    private final PointsExpiry expiry;
    private final CouponService coupons;
    private final HeldRewardDecisions held;
    private final Clock clock;

    public RewardJobs(HoldingRelease release, PointsExpiry expiry, CouponService coupons, HeldRewardDecisions held,
                         Clock clock) {
        this.release = release;
        this.expiry = expiry;
        this.coupons = coupons;
        this.held = held;
        this.clock = clock;
    }

    @Scheduled(every = "${kinlink.rewards.release-every:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void releaseDueCreditsAndHeldRewards() {
        release.releaseDue();
        held.releaseHeld();
    }

    @Scheduled(every = "${kinlink.rewards.expire-every:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireDueLotsAndCoupons() {
        expiry.expireDue();
        Instant now = clock.instant();
        while (coupons.expireDue(now) > 0) {
            // 500 a transaction until none is left
        }
    }
}
