package io.kinlink.platform.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A service's consumer of one channel. Implementing it lets an operator's replay of a
 * dead-lettered event ({@code platform.deadletter}) go through the same consumer, and so
 * through its inbox: an event already applied is not applied again.
 */
public interface EventConsumer {

    /** The incoming channel ({@code mp.messaging.incoming.<channel>.topic} names its topic). */
    String channel();

    void consume(ConsumerRecord<String, String> record);
}
