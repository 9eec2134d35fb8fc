package io.kinlink.rewards.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kinlink.events.PurchaseAttributed;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.platform.inbox.EventProcessor;
import io.kinlink.rewards.service.RebateService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Purchases with their referral chain, from the referral service. */
@ApplicationScoped
public class ReferralEventsConsumer {

    static final String CONSUMER = "rewards-service/referral-events";

    private final EventProcessor processor;
    private final RebateService rebates;
    private final ObjectMapper mapper;

    public ReferralEventsConsumer(EventProcessor processor, RebateService rebates, ObjectMapper mapper) {
        this.processor = processor;
        this.rebates = rebates;
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
        }
    }
}
