package io.kinlink.platform.outbox;

import io.kinlink.platform.event.DomainEvent;

/**
 * An event was written to the outbox. Observed after the transaction commits
 * ({@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}), it tells what really happened:
 * the services count their business from it, and a rolled-back try counts nothing.
 */
public record Appended(String topic, DomainEvent event) {
}
