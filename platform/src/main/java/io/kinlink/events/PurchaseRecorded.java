package io.kinlink.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.kinlink.platform.event.DomainEvent;

/**
 * A partner recorded a purchase by a member. Amounts are in fen (1 CNY = 100 fen).
 *
 * @param categories the item categories bought (added in version 1 as an optional field; may be empty)
 */
public record PurchaseRecorded(
        UUID purchaseId,
        UUID memberId,
        String externalTransactionId,
        long amountFen,
        String branch,
        Instant occurredAt,
        List<String> categories) implements DomainEvent {

    public PurchaseRecorded {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
