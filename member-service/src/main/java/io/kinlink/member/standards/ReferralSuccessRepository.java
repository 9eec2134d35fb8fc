package io.kinlink.member.standards;

import io.kinlink.events.ReferralQualified;
import io.kinlink.events.ReferralReversed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The referral_success table: each referrer's successful referrals (and their undoing), for the gold standards. */
@ApplicationScoped
class ReferralSuccessRepository {

    private final EntityManager em;

    ReferralSuccessRepository(EntityManager em) {
        this.em = em;
    }

    /** Keeps a qualified referral once, however often its event arrives. */
    void qualified(ReferralQualified qualified) {
        em.createNativeQuery("insert into referral_success (referral_id, referrer_id, referee_id, qualified_at) "
                        + "values (?1, ?2, ?3, ?4) on conflict (referral_id) do nothing")
                .setParameter(1, qualified.referralId())
                .setParameter(2, qualified.referrerId())
                .setParameter(3, qualified.refereeId())
                .setParameter(4, qualified.qualifiedAt())
                .executeUpdate();
    }

    void reversed(ReferralReversed reversed) {
        em.createNativeQuery("update referral_success set reversed_at = ?1 where referral_id = ?2")
                .setParameter(1, reversed.reversedAt())
                .setParameter(2, reversed.referralId())
                .executeUpdate();
    }
}
