package io.kinlink.referral.metrics;

import io.kinlink.events.PurchaseAttributed;
import io.kinlink.events.ReferralAttributed;
import io.kinlink.events.ReferralQualified;
import io.kinlink.events.ReferralReversed;
import io.kinlink.platform.metrics.AfterCommit;
import io.kinlink.platform.outbox.Appended;
import io.kinlink.referral.RejectionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * The referral service's business as counters, counted once committed: referrals attributed,
 * refused (by reason), qualified and reversed, and purchases attributed by the depth of the
 * buyer's chain. Every series exists from the start at zero.
 */
@Startup
@ApplicationScoped
public class ReferralMetrics {

    /** Chain depths a purchase can have: none up to the deepest the rules follow. */
    private static final int DEEPEST_CHAIN = 3;

    private final MeterRegistry registry;
    private final AfterCommit afterCommit;
    private final Counter attributed;
    private final Counter qualified;
    private final Counter reversed;

    public ReferralMetrics(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
        this.attributed = Counter.builder("kinlink.referrals.attributed")
                .description("New members attributed to the member whose code they used").register(registry);
        this.qualified = Counter.builder("kinlink.referrals.qualified")
                .description("Referrals that qualified (the referee's first qualifying purchase)").register(registry);
        this.reversed = Counter.builder("kinlink.referrals.reversed")
                .description("Qualified referrals reversed (the qualifying purchase refunded in full)").register(registry);
        for (RejectionReason reason : RejectionReason.values()) {
            rejections(reason);
        }
        for (int depth = 0; depth <= DEEPEST_CHAIN; depth++) {
            purchases(depth);
        }
    }

    /** Counts a refused attribution once the transaction that recorded it commits. */
    public void rejected(RejectionReason reason) {
        afterCommit.run(() -> rejections(reason).increment());
    }

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) Appended appended) {
        if (appended.event() instanceof ReferralAttributed) {
            attributed.increment();
        } else if (appended.event() instanceof ReferralQualified) {
            qualified.increment();
        } else if (appended.event() instanceof ReferralReversed) {
            reversed.increment();
        } else if (appended.event() instanceof PurchaseAttributed purchase) {
            purchases(purchase.chain().size()).increment();
        }
    }

    private Counter rejections(RejectionReason reason) {
        return Counter.builder("kinlink.referrals.rejected").description("Attributions refused, by reason")
                .tag("reason", reason.name()).register(registry);
    }

    private Counter purchases(int chainDepth) {
        return Counter.builder("kinlink.purchases.attributed")
                .description("Purchases passed on to rewards with the buyer's chain, by its depth")
                .tag("chain_depth", Integer.toString(chainDepth)).register(registry);
    }
}
