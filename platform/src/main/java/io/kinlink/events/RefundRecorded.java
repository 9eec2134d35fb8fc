package io.kinlink.events;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.platform.event.DomainEvent;

/**
 * A partner refunded (part of) a purchase.
 *
 * @param purchaseAmountFen  what the purchase was for
 * @param refundedTotalFen   everything refunded on the purchase so far, this refund included
 */
public record RefundRecorded(
        UUID refundId,
        UUID purchaseId,
        UUID memberId,
        String externalRefundId,
        long amountFen,
        long purchaseAmountFen,
        long refundedTotalFen,
        Instant occurredAt) implements DomainEvent {

    public boolean fullyRefunded() {
        return refundedTotalFen >= purchaseAmountFen;
    }
}
