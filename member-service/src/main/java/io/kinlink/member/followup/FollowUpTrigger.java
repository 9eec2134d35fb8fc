package io.kinlink.member.followup;

/** What calls for a follow-up, and so who is called. */
public enum FollowUpTrigger {
    /** Thank the referrer: a friend they brought made a first qualifying purchase. */
    REFERRAL_QUALIFIED,
    /** Welcome a referred new customer after their first visit. */
    REFERRED_FIRST_VISIT,
    /** Ask a customer who was refunded what went wrong. */
    REFUND,
    /** Call a customer who scored low or complained. */
    LOW_SATISFACTION
}
