package io.kinlink.events;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.platform.event.DomainEvent;

/** A partner recorded a purchase by a member. Amounts are in fen (1 CNY = 100 fen). */
public record PurchaseRecorded(
        UUID purchaseId,
        UUID memberId,
        String externalTransactionId,
        long amountFen,
        String branch,
        Instant occurredAt) implements DomainEvent {
}
