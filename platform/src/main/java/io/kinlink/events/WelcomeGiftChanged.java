package io.kinlink.events;

import java.time.Instant;

import io.kinlink.platform.event.DomainEvent;

/**
 * Operators set a version of the referred friend's welcome gift (the two-sided referral); keyed
 * {@code welcome-gift}. The share page tells the friend what they get from the version in force.
 *
 * @param on           JOIN (on signing up with a code) or FIRST_VISIT (after their first visit)
 * @param effectiveTo  null while open-ended
 */
public record WelcomeGiftChanged(int ruleVersion, Instant effectiveFrom, Instant effectiveTo, String on,
                                 String couponName, long faceValueFen, long minSpendFen, int validDays)
        implements DomainEvent {
}
