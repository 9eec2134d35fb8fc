package io.kinlink.referral;

/**
 * REGISTERED at sign-up; QUALIFIED at the referee's first qualifying purchase; REJECTED for
 * fraud; REVERSED when the qualifying purchase is refunded within the holding period.
 */
public enum ReferralStatus {
    REGISTERED,
    QUALIFIED,
    REJECTED,
    REVERSED
}
