package io.kinlink.events;

/** The topics between the services: one stream per aggregate, keyed by member id. */
public final class Topics {

    /** Member registrations and the activity partners record for members (member-service). */
    public static final String MEMBER_EVENTS = "kinlink.member-events";

    /** Attributions, qualifications and purchases with their referral chain (referral-service). */
    public static final String REFERRAL_EVENTS = "kinlink.referral-events";

    /** Points credited, reversed and redeemed (rewards-service). */
    public static final String REWARDS_EVENTS = "kinlink.rewards-events";

    private Topics() {
    }
}
