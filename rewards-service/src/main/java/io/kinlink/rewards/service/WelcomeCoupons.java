package io.kinlink.rewards.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.kinlink.events.ReferralAttributed;
import io.kinlink.events.VisitRecorded;
import io.kinlink.platform.problem.DomainException;
import io.kinlink.rewards.coupons.CouponGrant;
import io.kinlink.rewards.coupons.CouponTemplates;
import io.kinlink.rewards.gate.Reward;
import io.kinlink.rewards.gate.RewardGate;
import io.kinlink.rewards.rules.RuleBook;
import io.kinlink.rewards.rules.RuleKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

    private final EntityManager em;
    private final RuleBook ruleBook;
    private final CouponTemplates templates;
    private final RewardGate gate;

    public WelcomeCoupons(EntityManager em, RuleBook ruleBook, CouponTemplates templates, RewardGate gate) {
        this.em = em;
        this.ruleBook = ruleBook;
        this.templates = templates;
        this.gate = gate;
    }

    /** A promised gift, as stored. */
    private record Promise(UUID referral, UUID referee, String ruleId, int ruleVersion, UUID template) {
    }

    @Transactional(TxType.MANDATORY)
    public void onAttributed(ReferralAttributed attributed) {
        ruleBook.at(attributed.attributedAt()).welcomeCoupon().ifPresent(rule -> {
            int stored = em.createNativeQuery("""
                            insert into referee_welcome (referral_id, referee_id, referrer_id, attributed_at, rule_id,
                                                         rule_version, template_id, trigger)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (referral_id) do nothing""")
                    .setParameter(1, attributed.referralId()).setParameter(2, attributed.refereeId())
                    .setParameter(3, attributed.referrerId()).setParameter(4, attributed.attributedAt())
                    .setParameter(5, rule.version().ruleId()).setParameter(6, rule.version().version())
                    .setParameter(7, rule.params().couponTemplateId()).setParameter(8, rule.params().on().name())
                    .executeUpdate();
            if (stored == 1 && rule.params().on() == RuleKind.WelcomeTrigger.JOIN) {
                grant(new Promise(attributed.referralId(), attributed.refereeId(), rule.version().ruleId(),
                        rule.version().version(), rule.params().couponTemplateId()), attributed.attributedAt());
            }
        });
    }

    /** A referred friend's first visit pays a gift promised for it. */
    @Transactional(TxType.MANDATORY)
    public void onVisit(VisitRecorded visit) {
        @SuppressWarnings("unchecked")
        List<Object[]> waiting = em.createNativeQuery("""
                        select referral_id, referee_id, rule_id, rule_version, template_id from referee_welcome
                        where referee_id = ?1 and granted_at is null and trigger = 'FIRST_VISIT' for update""")
                .setParameter(1, visit.memberId()).getResultList();
        waiting.forEach(row -> grant(new Promise((UUID) row[0], (UUID) row[1], (String) row[2],
                ((Number) row[3]).intValue(), (UUID) row[4]), visit.occurredAt()));
    }

    private void grant(Promise promise, Instant at) {
        em.createNativeQuery("update referee_welcome set granted_at = ?2 where referral_id = ?1")
                .setParameter(1, promise.referral()).setParameter(2, at).executeUpdate();
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
