package io.kinlink.events;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.platform.event.DomainEvent;

/**
 * A refund of a purchase, republished by the referral service on the referral topic under the
 * buyer's key, so it always reaches the rewards service after the purchase it refunds.
 *
 * @param refundedTotalFen everything refunded on the purchase so far, this refund included
 */
public record RefundAttributed(
        UUID refundId,
        UUID purchaseId,
        UUID memberId,
        long amountFen,
        long purchaseAmountFen,
        long refundedTotalFen,
        Instant occurredAt) implements DomainEvent {
}
