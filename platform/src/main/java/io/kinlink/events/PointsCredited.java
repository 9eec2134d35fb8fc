package io.kinlink.events;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.platform.event.DomainEvent;

/**
 * Points were credited to a member.
 *
 * @param pending     true while in the holding period, until {@code availableAt}
 * @param chainLevel  for referral rebates, the member's level above the buyer
 */
public record PointsCredited(
        UUID memberId,
        UUID ledgerTransactionId,
        long points,
        String reason,
        String sourceType,
        String sourceId,
        Integer chainLevel,
        boolean pending,
        Instant availableAt) implements DomainEvent {
}
