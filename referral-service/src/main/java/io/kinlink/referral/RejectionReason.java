package io.kinlink.referral;

/** Why an attribution was refused; operators see these on the rejected-attributions list. */
public enum RejectionReason {
    UNKNOWN_CODE,
    SELF_REFERRAL,
    SAME_PHONE,
    SAME_DEVICE,
    REFERRER_SUSPENDED,
    /** The member has a referrer already; it is fixed once set. */
    ALREADY_REFERRED,
    /** Someone with the same phone joined before: an existing customer cannot be referred. */
    ALREADY_REGISTERED,
    CYCLE,
    /** The registration named a landing-page click that was never recorded. */
    UNKNOWN_CLICK,
    /** The landing-page click is older than the attribution window. */
    CLICK_EXPIRED
}
