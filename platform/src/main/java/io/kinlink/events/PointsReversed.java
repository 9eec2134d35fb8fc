package io.kinlink.events;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.platform.event.DomainEvent;

/**
 * Points a member was credited were taken back, in part or whole, because the purchase that
 * earned them was refunded.
 *
 * @param pending    true when they were still in the holding period (reversed before use)
 * @param chainLevel for referral rebates, the member's level above the buyer
 */
public record PointsReversed(
        UUID memberId,
        UUID ledgerTransactionId,
        UUID reversesTransactionId,
        long points,
        String reason,
        String sourceType,
        String sourceId,
        Integer chainLevel,
        boolean pending,
        Instant reversedAt) implements DomainEvent {
}
