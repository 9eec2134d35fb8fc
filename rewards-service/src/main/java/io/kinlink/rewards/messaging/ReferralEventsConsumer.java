package io.kinlink.rewards.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kinlink.events.PurchaseAttributed;
import io.kinlink.events.RefundAttributed;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.platform.inbox.EventProcessor;
import io.kinlink.rewards.refund.RefundReversals;
import io.kinlink.rewards.service.RebateService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Purchases with their referral chain, and the refunds that follow them, from the referral service. */
@ApplicationScoped
public class ReferralEventsConsumer {

    static final String CONSUMER = "rewards-service/referral-events";

    private final EventProcessor processor;
    private final RebateService rebates;
    private final RefundReversals reversals;
    private final ObjectMapper mapper;

    public ReferralEventsConsumer(EventProcessor processor, RebateService rebates, RefundReversals reversals,
                                  ObjectMapper mapper) {
        this.processor = processor;
        this.rebates = rebates;
        this.reversals = reversals;
        this.mapper = mapper;
    }

    @Incoming("referral-events")
    @Blocking
    public void consume(String message) {
        processor.process(CONSUMER, message, this::apply);
    }

    private void apply(EventEnvelope event) {
        if (event.is(PurchaseAttributed.class)) {
            rebates.onPurchaseAttributed(event.payloadAs(PurchaseAttributed.class, mapper), event.id());
        } else if (event.is(RefundAttributed.class)) {
            reversals.onRefundAttributed(event.payloadAs(RefundAttributed.class, mapper), event.id());
        }
    }
}
