package io.kinlink.events;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.platform.event.DomainEvent;

/** A referral became successful: the friend's first qualifying purchase. Keyed by the referee, so it follows the purchase that qualified it. */
public record ReferralQualified(UUID referralId, UUID referrerId, UUID refereeId, UUID purchaseId, long amountFen,
                                Instant qualifiedAt) implements DomainEvent {
}
