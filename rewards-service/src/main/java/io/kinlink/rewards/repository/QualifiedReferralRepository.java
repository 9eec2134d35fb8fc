package io.kinlink.rewards.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The qualified_referral table: referrals a friend's first qualifying purchase made successful, and their reversal. */
@ApplicationScoped
public class QualifiedReferralRepository {

    private final EntityManager em;

    public QualifiedReferralRepository(EntityManager em) {
        this.em = em;
    }

    /** Keeps the qualification once. */
    public void insert(UUID referral, UUID referrer, Instant qualifiedAt, UUID purchase) {
        em.createNativeQuery("""
                        insert into qualified_referral (referral_id, referrer_id, qualified_at, purchase_id)
                        values (?1, ?2, ?3, ?4) on conflict (referral_id) do nothing""")
                .setParameter(1, referral).setParameter(2, referrer)
                .setParameter(3, qualifiedAt).setParameter(4, purchase).executeUpdate();
    }

    public boolean reversed(UUID referral) {
        return !em.createNativeQuery("select 1 from qualified_referral where referral_id = ?1 and reversed_at is not null")
                .setParameter(1, referral).getResultList().isEmpty();
    }

    /** Marks the referral reversed, keeping the first time it was. */
    public void markReversed(UUID referral, Instant at) {
        em.createNativeQuery("update qualified_referral set reversed_at = ?2 where referral_id = ?1 and reversed_at is null")
                .setParameter(1, referral).setParameter(2, at).executeUpdate();
    }

    /** The referrer's referrals that qualified in (from, to] and were not reversed by {@code to}. */
    public long countStanding(UUID referrer, Instant from, Instant to) {
        return ((Number) em.createNativeQuery("""
                        select count(*) from qualified_referral
                        where referrer_id = ?1 and qualified_at > ?2 and qualified_at <= ?3
                          and (reversed_at is null or reversed_at > ?3)""")
                .setParameter(1, referrer).setParameter(2, from).setParameter(3, to)
                .getSingleResult()).longValue();
    }

    /** Referrals that qualified in [start, end) and are not reversed (as of now): new customers won. */
    public long countQualifiedNotReversed(Instant start, Instant end) {
        return ((Number) em.createNativeQuery("""
                        select count(*) from qualified_referral
                        where qualified_at >= :start and qualified_at < :end and reversed_at is null""")
                .setParameter("start", start).setParameter("end", end)
                .getSingleResult()).longValue();
    }
}
