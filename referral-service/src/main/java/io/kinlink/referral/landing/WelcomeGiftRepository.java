package io.kinlink.referral.landing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.kinlink.events.WelcomeGiftChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The welcome_gift table: this service's copy of the gift's versions, one row per rule version. */
@ApplicationScoped
class WelcomeGiftRepository {

    private final EntityManager em;

    WelcomeGiftRepository(EntityManager em) {
        this.em = em;
    }

    /** Keeps the version once. */
    void insert(WelcomeGiftChanged gift) {
        em.createNativeQuery("""
                        insert into welcome_gift (rule_version, effective_from, effective_to, trigger, coupon_name,
                                                  face_value_fen, min_spend_fen, valid_days)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (rule_version) do nothing""")
                .setParameter(1, gift.ruleVersion()).setParameter(2, gift.effectiveFrom())
                .setParameter(3, gift.effectiveTo()).setParameter(4, gift.on()).setParameter(5, gift.couponName())
                .setParameter(6, gift.faceValueFen()).setParameter(7, gift.minSpendFen())
                .setParameter(8, gift.validDays()).executeUpdate();
    }

    /** The highest version in force at {@code at}; empty when there is none. */
    Optional<WelcomeGiftCopies.Gift> inForceAt(Instant at) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select coupon_name, face_value_fen, min_spend_fen, valid_days, trigger from welcome_gift
                        where effective_from <= ?1 and (effective_to is null or effective_to > ?1)
                        order by rule_version desc limit 1""")
                .setParameter(1, at).getResultList();
        return rows.stream().findFirst().map(row -> new WelcomeGiftCopies.Gift((String) row[0],
                ((Number) row[1]).longValue(), ((Number) row[2]).longValue(), ((Number) row[3]).intValue(),
                "FIRST_VISIT".equals(row[4])));
    }
}
