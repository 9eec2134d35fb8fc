package io.kinlink.events;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.platform.event.DomainEvent;

/** A member's card tier moved, up after purchases or down after a refund; tiers follow net spend only. */
public record MemberTierChanged(UUID memberId, String previousTier, String tier, long netSpendFen,
                                Instant changedAt) implements DomainEvent {
}
