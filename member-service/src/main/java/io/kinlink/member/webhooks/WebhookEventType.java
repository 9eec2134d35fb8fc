package io.kinlink.member.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** What a partner can be told, by the names its endpoint subscribes to (Standard Webhooks' {@code type}). */
public enum WebhookEventType {

    POINTS_CREDITED("points.credited", "Points were credited to a member (own spend or a referral rebate)"),
    POINTS_REVERSED("points.reversed", "Credited points were taken back because the purchase was refunded"),
    POINTS_REDEEMED("points.redeemed", "A member paid with points at a till"),
    COUPON_ISSUED("coupon.issued", "A coupon was issued to a member"),
    COUPON_REDEEMED("coupon.redeemed", "A member used a coupon"),
    REFERRAL_QUALIFIED("referral.qualified", "A member's referral made a first qualifying purchase"),
    TIER_CHANGED("member.tier_changed", "A member's card tier moved up or down");

    private final String wireName;
    private final String description;

    WebhookEventType(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    public String wireName() {
        return wireName;
    }

    public String description() {
        return description;
    }

    public static Optional<WebhookEventType> fromWire(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
