package io.kinlink.rewards.refund;

import java.util.Optional;

import io.kinlink.rewards.gate.HeldRewardRules;
import io.kinlink.rewards.gate.Reward;
import io.kinlink.rewards.service.MilestoneCoupons;
import io.kinlink.rewards.service.ReferralCoupons;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The causes the rules' rewards rest on (the purchase, the referral, the cumulative spend), and
 * refunds made while a reward was held.
 */
@ApplicationScoped
public class HeldRewardCauses implements HeldRewardRules {

    private final RefundReversals reversals;
    private final MilestoneCoupons milestones;
    private final ReferralCoupons referralCoupons;

    public HeldRewardCauses(RefundReversals reversals, MilestoneCoupons milestones, ReferralCoupons referralCoupons) {
        this.reversals = reversals;
        this.milestones = milestones;
        this.referralCoupons = referralCoupons;
    }

    @Override
    public Optional<String> whyUndone(Reward reward) {
        if (reward instanceof Reward.Points points && points.purchaseId() != null
                && reversals.fullyRefunded(points.purchaseId())) {
            return Optional.of("The purchase was refunded in full while the reward was held");
        }
        if (reward instanceof Reward.CouponReward coupon) {
            if (coupon.requiresReferral() != null && referralCoupons.reversed(coupon.requiresReferral())) {
                return Optional.of("The referral was reversed while the coupon was held");
            }
            if (coupon.requiresNetSpendFen() != null
                    && milestones.netSpend(coupon.member()) < coupon.requiresNetSpendFen()) {
                return Optional.of("A refund took cumulative spend below the milestone while the coupon was held");
            }
        }
        return Optional.empty();
    }

    /** A refund made while the points were held takes its share back now that they are paid. */
    @Override
    public void afterPointsPaid(Reward.Points reward) {
        if (reward.purchaseId() != null) {
            reversals.reconcile(reward.purchaseId(), null, reward.occurredAt());
        }
    }
}
