package io.kinlink.referral;

/** Why an attribution was refused; operators see these on the rejected-attributions list. */
public enum RejectionReason {
    UNKNOWN_CODE,
    SELF_REFERRAL,
    SAME_PHONE,
    SAME_DEVICE,
    REFERRER_SUSPENDED,
    ALREADY_REFERRED,
    CYCLE
}
