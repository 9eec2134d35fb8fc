package io.kinlink.member.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.kinlink.member.webhooks.WebhookFanOut;
import io.kinlink.platform.inbox.EventConsumer;
import io.kinlink.platform.inbox.EventProcessor;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the three event topics in a consumer group of its own and queues what partners' webhook
 * endpoints take; its lag is its own, so webhooks never slow the member pipeline.
 */
@ApplicationScoped
public class WebhookEventsConsumer implements EventConsumer {

    static final String CONSUMER = "member-service/webhooks";

    private final EventProcessor processor;
    private final WebhookFanOut fanOut;

    public WebhookEventsConsumer(EventProcessor processor, WebhookFanOut fanOut) {
        this.processor = processor;
        this.fanOut = fanOut;
    }

    @Override
    public String channel() {
        return "webhook-events";
    }

    @Override
    @Incoming("webhook-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        processor.process(CONSUMER, record, fanOut::onEvent);
    }
}
