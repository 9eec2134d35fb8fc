package io.kinlink.rewards.rules;

import io.kinlink.events.Topics;
import io.kinlink.events.WelcomeGiftChanged;
import io.kinlink.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Tells the referral service's share page about each version of the friend's welcome gift, with its coupon. */
@ApplicationScoped
public class WelcomeGiftAnnouncer {

    static final String KEY = "welcome-gift";

    private final EntityManager em;
    private final Outbox outbox;

    public WelcomeGiftAnnouncer(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    @Transactional(TxType.MANDATORY)
    void announce(RuleVersion version, RuleKind.WelcomeParams params) {
        // by the table, not the coupons' entity: coupons depend on the budget, which depends on the rules
        Object[] template = (Object[]) em.createNativeQuery(
                        "select name, face_value_fen, min_spend_fen, valid_days from coupon_template where id = ?1")
                .setParameter(1, params.couponTemplateId()).getSingleResult();
        outbox.append(Topics.REWARDS_EVENTS, KEY, new WelcomeGiftChanged(version.version(), version.effectiveFrom(),
                version.effectiveTo(), params.on().name(), (String) template[0], ((Number) template[1]).longValue(),
                ((Number) template[2]).longValue(), ((Number) template[3]).intValue()));
    }
}
