package io.kinlink.rewards.coupons;

/** A coupon is used once: issued, then redeemed, expired or voided, and never back. */
public enum CouponStatus {
    ISSUED,
    REDEEMED,
    EXPIRED,
    VOIDED
}
