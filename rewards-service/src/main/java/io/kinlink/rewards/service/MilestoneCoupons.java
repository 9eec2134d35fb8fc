package io.kinlink.rewards.service;

import java.time.Instant;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.kinlink.platform.problem.DomainException;
import io.kinlink.rewards.coupons.Coupon;
import io.kinlink.rewards.coupons.CouponGrant;
import io.kinlink.rewards.coupons.CouponService;
import io.kinlink.rewards.coupons.CouponTemplates;
import io.kinlink.rewards.gate.Reward;
import io.kinlink.rewards.gate.RewardGate;
import io.kinlink.rewards.repository.PurchaseRecordRepository;
import io.kinlink.rewards.rules.AppliedRule;
import io.kinlink.rewards.rules.RuleKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/**
 * A coupon for every step of cumulative net spend (10,000 CNY by default): the n-th step's coupon
 * is issued once ("milestone:{member}:{n}"), and voided if still unused when a refund takes the
 * member back below that step.
 */
@ApplicationScoped
public class MilestoneCoupons {

    private static final Logger LOG = Logger.getLogger(MilestoneCoupons.class);
    public static final String REASON = "SPEND_MILESTONE";

    private final PurchaseRecordRepository purchases;
    private final CouponService coupons;
    private final CouponTemplates templates;
    private final RewardGate gate;

    public MilestoneCoupons(PurchaseRecordRepository purchases, CouponService coupons, CouponTemplates templates, RewardGate gate) {
        this.purchases = purchases;
        this.coupons = coupons;
        this.templates = templates;
        this.gate = gate;
    }

    /** After a purchase is recorded: a coupon for each step its amount crossed. */
    @Transactional(TxType.MANDATORY)
    public void onSpend(UUID member, UUID purchase, Instant at, AppliedRule<RuleKind.MilestoneParams> rule) {
        long every = rule.params().everyFen();
        long after = netSpend(member);
        long before = after - purchases.amountOf(purchase);
        for (long step = before / every + 1; step <= after / every; step++) {
            CouponGrant grant = new CouponGrant(member, rule.params().couponTemplateId(),
                    "milestone:" + member + ":" + step, REASON, "PURCHASE", purchase.toString(), rule.version().ruleId(),
                    rule.version().version(), null);
            try {
                gate.grant(new Reward.CouponReward(grant, templates.faceValueOf(grant.templateId()), at,
                        step * every, null));
            } catch (DomainException refused) {
                LOG.warnf("Milestone coupon %d for member %s not issued: %s", step, member, refused.getMessage());
            }
        }
    }

    /** After a refund: unused coupons of steps above the new cumulative spend are voided. */
    @Transactional(TxType.MANDATORY)
    public void onRefund(UUID member, UUID refund, long everyFen) {
        long spend = netSpend(member);
        for (Coupon coupon : coupons.openCouponsOfReason(member, REASON)) {
            String key = coupon.idempotencyKey();
            long step = Long.parseLong(key.substring(key.lastIndexOf(':') + 1));
            if (step * everyFen > spend) {
                coupons.voidCoupon(member, coupon.id(), "A refund took cumulative spend below the milestone",
                        "REFUND", refund.toString());
            }
        }
    }

    /** The member's cumulative spend, net of refunds. */
    public long netSpend(UUID member) {
        return purchases.netSpend(member);
    }
}
