package io.kinlink.events;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.platform.event.DomainEvent;

/**
 * A member joined. Carries no readable personal data: the phone only as a keyed hash (so the
 * referral service can refuse self-referrals), the name only masked.
 *
 * @param referralCode the code the member gave at registration, or null
 * @param deviceId     the registering device, or null
 * @param clickId      the landing-page click the member came from, or null (added later: absent in
 *                     older events)
 */
public record MemberRegistered(
        UUID memberId,
        String maskedName,
        String phoneHash,
        String referralCode,
        String deviceId,
        String branch,
        String channel,
        Instant registeredAt,
        UUID clickId) implements DomainEvent {
}
