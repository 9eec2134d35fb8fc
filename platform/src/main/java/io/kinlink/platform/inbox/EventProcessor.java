package io.kinlink.platform.inbox;

import java.time.Duration;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.platform.event.MalformedEventException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies one incoming event exactly once: the inbox check and the effect share a transaction,
 * a failed try rolls back and is retried with a growing pause, and an event that keeps failing
 * (or cannot be read at all) is thrown back to the messaging layer, which sends it to the
 * consumer's dead-letter topic with the reason.
 */
@ApplicationScoped
public class EventProcessor {

    private static final Logger LOG = Logger.getLogger(EventProcessor.class);

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final ConsumerSettings settings;

    public EventProcessor(Inbox inbox, ObjectMapper mapper, ConsumerSettings settings) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.settings = settings;
    }

    /**
     * @param consumer names the consumer in the inbox; one name per subscription, so two
     *                 consumers of one event in a service each apply it once
     */
    public void process(String consumer, String json, Consumer<EventEnvelope> effect) {
        EventEnvelope event = EventEnvelope.parse(json, mapper);
        Duration backoff = settings.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (inbox.firstDelivery(consumer, event.id())) {
                        effect.accept(event);
                    }
                });
                return;
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= settings.maxAttempts()) {
                    LOG.errorf(e, "%s gives up on %s %s after %d tries", consumer, event.type(), event.id(), attempt);
                    throw e;
                }
                LOG.warnf("%s failed on %s %s (try %d), retrying in %s: %s", consumer, event.type(), event.id(),
                        attempt, backoff, e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0
                        ? settings.maxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an event", e);
        }
    }
}
