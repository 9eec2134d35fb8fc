package io.kinlink.rewards.service;

import java.util.UUID;

import org.jboss.logging.Logger;

import io.kinlink.events.ReferralQualified;
import io.kinlink.events.ReferralReversed;
import io.kinlink.platform.problem.DomainException;
import io.kinlink.rewards.coupons.Coupon;
import io.kinlink.rewards.coupons.CouponGrant;
import io.kinlink.rewards.coupons.CouponService;
import io.kinlink.rewards.coupons.CouponTemplates;
import io.kinlink.rewards.gate.Reward;
import io.kinlink.rewards.gate.RewardGate;
import io.kinlink.rewards.repository.QualifiedReferralRepository;
import io.kinlink.rewards.rules.RuleBook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/**
 * The referrer's thank-you coupon when a friend's first qualifying purchase makes a referral
 * successful, voided if still unused when that purchase is refunded; and the record of qualified
 * referrals that makes heavy referrers VIPs.
 */
@ApplicationScoped
public class ReferralCoupons {

    private static final Logger LOG = Logger.getLogger(ReferralCoupons.class);
    public static final String REASON = "REFERRAL_QUALIFIED";

    private final QualifiedReferralRepository qualifications;
    private final CouponService coupons;
    private final CouponTemplates templates;
    private final RewardGate gate;
    private final RuleBook ruleBook;

    public ReferralCoupons(QualifiedReferralRepository qualifications, CouponService coupons, CouponTemplates templates, RewardGate gate,
                           RuleBook ruleBook) {
        this.qualifications = qualifications;
        this.coupons = coupons;
        this.templates = templates;
        this.gate = gate;
        this.ruleBook = ruleBook;
    }

    @Transactional(TxType.MANDATORY)
    public void onQualified(ReferralQualified qualified) {
        qualifications.insert(qualified.referralId(), qualified.referrerId(), qualified.qualifiedAt(),
                qualified.purchaseId());
        ruleBook.at(qualified.qualifiedAt()).qualifiedCoupon().ifPresent(rule -> {
            CouponGrant grant = new CouponGrant(qualified.referrerId(), rule.params().couponTemplateId(),
                    "referral-qualified:" + qualified.referralId(), REASON, "REFERRAL",
                    qualified.referralId().toString(), rule.version().ruleId(), rule.version().version(), null);
            try {
                gate.grant(new Reward.CouponReward(grant, templates.faceValueOf(grant.templateId()),
                        qualified.qualifiedAt(), null, qualified.referralId()));
            } catch (DomainException refused) {
                LOG.warnf("Referral coupon for %s not issued: %s", qualified.referrerId(), refused.getMessage());
            }
        });
    }

    /** Whether the referral was reversed (its qualifying purchase refunded). */
    public boolean reversed(UUID referral) {
        return qualifications.reversed(referral);
    }

    @Transactional(TxType.MANDATORY)
    public void onReversed(ReferralReversed reversed) {
        qualifications.markReversed(reversed.referralId(), reversed.reversedAt());
        for (Coupon coupon : coupons.openCouponsFrom("REFERRAL", reversed.referralId().toString())) {
            coupons.voidCoupon(coupon.memberId(), coupon.id(), "The qualifying purchase was refunded", "REFERRAL",
                    reversed.referralId().toString());
        }
    }
}
