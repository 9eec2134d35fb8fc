package io.kinlink.member.metrics;

import java.time.Duration;

import io.kinlink.events.MemberRegistered;
import io.kinlink.events.PurchaseRecorded;
import io.kinlink.events.RefundRecorded;
import io.kinlink.events.VisitRecorded;
import io.kinlink.member.Channel;
import io.kinlink.member.followup.FollowUps;
import io.kinlink.platform.metrics.CachedSample;
import io.kinlink.platform.outbox.Appended;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * The member service's business as counters, from the events its transactions committed:
 * registrations by channel (and whether a code came with them), purchases, refunds and visits the
 * partners recorded, with the amounts. Every series exists from the start at zero.
 */
@Startup
@ApplicationScoped
public class MemberMetrics {

    private final MeterRegistry registry;
    private final Counter purchases;
    private final Counter purchasedFen;
    private final Counter refunds;
    private final Counter refundedFen;
    private final Counter visits;

    public MemberMetrics(MeterRegistry registry, FollowUps followUps) {
        this.registry = registry;
        CachedSample<Long> overdue = new CachedSample<>(followUps::overdueCount, 0L, Duration.ofSeconds(30));
        Gauge.builder("kinlink.follow.ups.overdue", overdue, sample -> sample.get()).baseUnit("tasks")
                .description("Follow-up calls (回访) still open past their due time").register(registry);
        for (Channel channel : Channel.values()) {
            registrations(channel.name(), true);
            registrations(channel.name(), false);
        }
        this.purchases = Counter.builder("kinlink.purchases.recorded").description("Purchases recorded by partners")
                .register(registry);
        this.purchasedFen = Counter.builder("kinlink.purchases.amount").baseUnit("fen")
                .description("What recorded purchases came to (revenue before refunds)").register(registry);
        this.refunds = Counter.builder("kinlink.refunds.recorded").description("Refunds recorded by partners")
                .register(registry);
        this.refundedFen = Counter.builder("kinlink.refunds.amount").baseUnit("fen")
                .description("What recorded refunds gave back").register(registry);
        this.visits = Counter.builder("kinlink.visits.recorded").description("Visits (check-ins) recorded by partners")
                .register(registry);
    }

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) Appended appended) {
        if (appended.event() instanceof MemberRegistered registered) {
            registrations(registered.channel(), registered.referralCode() != null).increment();
        } else if (appended.event() instanceof PurchaseRecorded purchase) {
            purchases.increment();
            purchasedFen.increment(purchase.amountFen());
        } else if (appended.event() instanceof RefundRecorded refund) {
            refunds.increment();
            refundedFen.increment(refund.amountFen());
        } else if (appended.event() instanceof VisitRecorded) {
            visits.increment();
        }
    }

    private Counter registrations(String channel, boolean withCode) {
        return Counter.builder("kinlink.members.registered")
                .description("Members who registered, by channel and whether they gave a referral code")
                .tag("channel", channel).tag("with_code", Boolean.toString(withCode))
                .register(registry);
    }
}
