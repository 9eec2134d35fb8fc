package io.kinlink.referral.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kinlink.events.WelcomeGiftChanged;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.platform.inbox.EventConsumer;
import io.kinlink.platform.inbox.EventProcessor;
import io.kinlink.referral.landing.WelcomeGiftCopies;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** The welcome gift's versions, for the share page; the members' points and coupons are not ours. */
@ApplicationScoped
public class RewardsEventsConsumer implements EventConsumer {

    static final String CONSUMER = "referral-service/rewards-events";

    private final EventProcessor processor;
    private final WelcomeGiftCopies gifts;
    private final ObjectMapper mapper;

    public RewardsEventsConsumer(EventProcessor processor, WelcomeGiftCopies gifts, ObjectMapper mapper) {
        this.processor = processor;
        this.gifts = gifts;
        this.mapper = mapper;
    }

    @Override
    public String channel() {
        return "rewards-events";
    }

    @Override
    @Incoming("rewards-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        processor.process(CONSUMER, record, this::apply);
    }

    private void apply(EventEnvelope event) {
        if (event.is(WelcomeGiftChanged.class)) {
            gifts.onChanged(event.payloadAs(WelcomeGiftChanged.class, mapper));
        }
    }
}
