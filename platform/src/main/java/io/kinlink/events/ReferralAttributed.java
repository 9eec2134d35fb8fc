package io.kinlink.events;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.platform.event.DomainEvent;

/** A new member (the referee) was attributed to the member whose code they used. */
public record ReferralAttributed(
        UUID referralId,
        UUID referrerId,
        UUID refereeId,
        String code,
        Instant attributedAt) implements DomainEvent {
}
