package io.kinlink.rewards.service;

import java.time.Instant;

import org.jboss.logging.Logger;

import io.kinlink.events.ReferralAttributed;
import io.kinlink.events.VisitRecorded;
import io.kinlink.platform.problem.DomainException;
import io.kinlink.rewards.coupons.CouponGrant;
import io.kinlink.rewards.coupons.CouponTemplates;
import io.kinlink.rewards.gate.Reward;
import io.kinlink.rewards.gate.RewardGate;
import io.kinlink.rewards.repository.RefereeWelcomeRepository;
import io.kinlink.rewards.repository.RefereeWelcomeRepository.Promise;
import io.kinlink.rewards.rules.RuleBook;
import io.kinlink.rewards.rules.RuleKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The referred friend's welcome coupon (the two-sided referral): the rule in force when the friend
 * joins decides the coupon and whether it comes at once or at the first visit. Only an attribution
 * the fraud rules let through pays; the budget cap may hold it like any coupon; one per referral;
 * and a reversed referral voids it while unused (it is a REFERRAL coupon of that referral, see
 * {@link ReferralCoupons#onReversed}).
 */
@ApplicationScoped
public class WelcomeCoupons {

    private static final Logger LOG = Logger.getLogger(WelcomeCoupons.class);
    public static final String REASON = "REFEREE_WELCOME";

    private final RefereeWelcomeRepository welcomes;
    private final RuleBook ruleBook;
    private final CouponTemplates templates;
    private final RewardGate gate;

    public WelcomeCoupons(RefereeWelcomeRepository welcomes, RuleBook ruleBook, CouponTemplates templates, RewardGate gate) {
        this.welcomes = welcomes;
        this.ruleBook = ruleBook;
        this.templates = templates;
        this.gate = gate;
    }

    @Transactional(TxType.MANDATORY)
    public void onAttributed(ReferralAttributed attributed) {
        ruleBook.at(attributed.attributedAt()).welcomeCoupon().ifPresent(rule -> {
            Promise promise = new Promise(attributed.referralId(), attributed.refereeId(), rule.version().ruleId(),
                    rule.version().version(), rule.params().couponTemplateId());
            boolean stored = welcomes.promise(promise, attributed.referrerId(), attributed.attributedAt(),
                    rule.params().on().name());
            if (stored && rule.params().on() == RuleKind.WelcomeTrigger.JOIN) {
                grant(promise, attributed.attributedAt());
            }
        });
    }

    /** A referred friend's first visit pays a gift promised for it. */
    @Transactional(TxType.MANDATORY)
    public void onVisit(VisitRecorded visit) {
        welcomes.waitingForFirstVisit(visit.memberId()).forEach(promise -> grant(promise, visit.occurredAt()));
    }

    private void grant(Promise promise, Instant at) {
        welcomes.markGranted(promise.referral(), at);
        CouponGrant grant = new CouponGrant(promise.referee(), promise.template(), "referee-welcome:" + promise.referral(),
                REASON, "REFERRAL", promise.referral().toString(), promise.ruleId(), promise.ruleVersion(), null);
        try {
            gate.grant(new Reward.CouponReward(grant, templates.faceValueOf(grant.templateId()), at, null,
                    promise.referral()));
        } catch (DomainException refused) {
            LOG.warnf("Welcome coupon for %s not issued: %s", promise.referee(), refused.getMessage());
        }
    }
}
