package io.kinlink.platform.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the service's own dead-letter topic into the dead_letter table, where operators see
 * what was given up and why. Kept once per record; the topic itself stays as it was.
 */
@ApplicationScoped
public class DeadLetterInbox {

    private final DeadLetters deadLetters;

    public DeadLetterInbox(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Incoming("dead-letters")
    @Blocking
    public void keep(ConsumerRecord<String, String> record) {
        deadLetters.keep(record);
    }
}
