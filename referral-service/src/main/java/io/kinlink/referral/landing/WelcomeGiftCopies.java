package io.kinlink.referral.landing;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.kinlink.events.WelcomeGiftChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * This service's copy of the welcome gift's versions (the rule lives in rewards-service): the
 * share page names the gift in force, so the friend knows what joining brings.
 */
@ApplicationScoped
public class WelcomeGiftCopies {

    private final EntityManager em;
    private final Clock clock;

    public WelcomeGiftCopies(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** The gift in force as the page shows it. */
    public record Gift(String couponName, long faceValueFen, long minSpendFen, int validDays, boolean onFirstVisit) {

        /** The face value in yuan, without a fraction when whole. */
        public String yuan() {
            return faceValueFen % 100 == 0 ? Long.toString(faceValueFen / 100)
                    : String.format("%d.%02d", faceValueFen / 100, faceValueFen % 100);
        }
    }

    @Transactional(TxType.MANDATORY)
    public void onChanged(WelcomeGiftChanged gift) {
        em.createNativeQuery("""
                        insert into welcome_gift (rule_version, effective_from, effective_to, trigger, coupon_name,
                                                  face_value_fen, min_spend_fen, valid_days)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (rule_version) do nothing""")
                .setParameter(1, gift.ruleVersion()).setParameter(2, gift.effectiveFrom())
                .setParameter(3, gift.effectiveTo()).setParameter(4, gift.on()).setParameter(5, gift.couponName())
                .setParameter(6, gift.faceValueFen()).setParameter(7, gift.minSpendFen())
                .setParameter(8, gift.validDays()).executeUpdate();
    }

    /** The highest version in force now, as the rewards service chooses; empty when there is none. */
    @Transactional
    public Optional<Gift> inForce() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select coupon_name, face_value_fen, min_spend_fen, valid_days, trigger from welcome_gift
                        where effective_from <= ?1 and (effective_to is null or effective_to > ?1)
                        order by rule_version desc limit 1""")
                .setParameter(1, clock.instant()).getResultList();
        return rows.stream().findFirst().map(row -> new Gift((String) row[0], ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).intValue(), "FIRST_VISIT".equals(row[4])));
    }
}
