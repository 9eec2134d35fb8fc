package io.kinlink.events;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.platform.event.DomainEvent;

/** The purchase that qualified a referral was refunded in full; the referral no longer counts. Keyed by the referee, so it follows the refund that reversed it. */
public record ReferralReversed(UUID referralId, UUID referrerId, UUID refereeId, UUID purchaseId,
                               Instant reversedAt) implements DomainEvent {
}
