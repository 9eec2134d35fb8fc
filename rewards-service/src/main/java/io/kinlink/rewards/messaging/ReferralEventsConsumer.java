package io.kinlink.rewards.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kinlink.events.PurchaseAttributed;
import io.kinlink.events.ReferralAttributed;
import io.kinlink.events.ReferralQualified;
import io.kinlink.events.ReferralReversed;
import io.kinlink.events.RefundAttributed;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.platform.inbox.EventConsumer;
import io.kinlink.platform.inbox.EventProcessor;
import io.kinlink.rewards.refund.RefundReversals;
import io.kinlink.rewards.service.PurchaseRewards;
import io.kinlink.rewards.service.ReferralCoupons;
import io.kinlink.rewards.service.WelcomeCoupons;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Purchases with their referral chain, the refunds that follow them, and referrals that qualify or are reversed. */
@ApplicationScoped
public class ReferralEventsConsumer implements EventConsumer {

    static final String CONSUMER = "rewards-service/referral-events";

    private final EventProcessor processor;
    private final PurchaseRewards purchases;
    private final RefundReversals reversals;
    private final ReferralCoupons referralCoupons;
    private final ObjectMapper mapper;
    private final WelcomeCoupons welcomeCoupons;

    public ReferralEventsConsumer(EventProcessor processor, PurchaseRewards purchases, RefundReversals reversals,
                                  ReferralCoupons referralCoupons, ObjectMapper mapper,
                                  WelcomeCoupons welcomeCoupons) {
        this.welcomeCoupons = welcomeCoupons;
        this.processor = processor;
        this.purchases = purchases;
        this.reversals = reversals;
        this.referralCoupons = referralCoupons;
        this.mapper = mapper;
    }

    @Override
    public String channel() {
        return "referral-events";
    }

    @Override
    @Incoming("referral-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        processor.process(CONSUMER, record, this::apply);
    }

    private void apply(EventEnvelope event) {
        if (event.is(PurchaseAttributed.class)) {
            PurchaseAttributed purchase = event.payloadAs(PurchaseAttributed.class, mapper);
            purchases.onPurchaseAttributed(purchase, event.id());
            // a refund sent again after a broker outage may have overtaken its purchase
            reversals.afterPurchase(purchase.purchaseId());
        } else if (event.is(RefundAttributed.class)) {
            reversals.onRefundAttributed(event.payloadAs(RefundAttributed.class, mapper), event.id());
        } else if (event.is(ReferralAttributed.class)) {
            welcomeCoupons.onAttributed(event.payloadAs(ReferralAttributed.class, mapper));
        } else if (event.is(ReferralQualified.class)) {
            referralCoupons.onQualified(event.payloadAs(ReferralQualified.class, mapper));
        } else if (event.is(ReferralReversed.class)) {
            referralCoupons.onReversed(event.payloadAs(ReferralReversed.class, mapper));
        }
    }
}
