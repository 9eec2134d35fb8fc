package io.kinlink.events;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.platform.event.DomainEvent;

/** A coupon was issued, redeemed, expired or voided. */
public record CouponChanged(
        UUID memberId,
        UUID couponId,
        String status,
        long faceValueFen,
        String reason,
        Instant validUntil,
        Instant at) implements DomainEvent {
}
