package io.kinlink.events;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.platform.event.DomainEvent;

/** A member paid with points at a till. */
public record PointsRedeemed(
        UUID memberId,
        UUID redemptionId,
        UUID ledgerTransactionId,
        long points,
        String externalTransactionId,
        String branch,
        Instant redeemedAt) implements DomainEvent {
}
