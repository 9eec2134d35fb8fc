package io.kinlink.rewards.coupons;

import java.time.Instant;
import java.util.UUID;

/** A coupon as members and tills see it, with where it came from. */
public record CouponView(UUID id, UUID memberId, UUID templateId, long faceValueFen, long minSpendFen,
                         CouponStatus status, String reason, String sourceType, String sourceId, String ruleId,
                         Integer ruleVersion, Instant issuedAt, Instant validUntil, Instant redeemedAt,
                         String redemptionTransaction, String redeemedBranch, String endReason) {

    public static CouponView of(Coupon coupon) {
        return new CouponView(coupon.id(), coupon.memberId(), coupon.templateId(), coupon.faceValueFen(),
                coupon.minSpendFen(), coupon.status(), coupon.reason(), coupon.sourceType(), coupon.sourceId(),
                coupon.ruleId(), coupon.ruleVersion(), coupon.issuedAt(), coupon.validUntil(), coupon.redeemedAt(),
                coupon.redemptionTransaction(), coupon.redeemedBranch(), coupon.endReason());
    }
}
