package io.kinlink.rewards.coupons;

import java.util.UUID;

/**
 * Why a member gets a coupon.
 *
 * @param idempotencyKey the cause, issued at most once ("referral-qualified:{id}", "staff:{request}")
 * @param staffId        for discretionary coupons: the member of staff whose allowance pays for it
 */
public record CouponGrant(UUID member, UUID templateId, String idempotencyKey, String reason, String sourceType,
                          String sourceId, String ruleId, Integer ruleVersion, String staffId) {
}
