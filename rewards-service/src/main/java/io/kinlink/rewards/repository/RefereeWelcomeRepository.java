package io.kinlink.rewards.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The referee_welcome table: the gift promised to each referred friend, and when it was granted. */
@ApplicationScoped
public class RefereeWelcomeRepository {

    /** A promised gift, as stored. */
    public record Promise(UUID referral, UUID referee, String ruleId, int ruleVersion, UUID template) {
    }

    private final EntityManager em;

    public RefereeWelcomeRepository(EntityManager em) {
        this.em = em;
    }

    /** Keeps the promise once per referral; false when one was kept before. */
    public boolean promise(Promise promise, UUID referrer, Instant attributedAt, String trigger) {
        return em.createNativeQuery("""
                        insert into referee_welcome (referral_id, referee_id, referrer_id, attributed_at, rule_id,
                                                     rule_version, template_id, trigger)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (referral_id) do nothing""")
                .setParameter(1, promise.referral()).setParameter(2, promise.referee())
                .setParameter(3, referrer).setParameter(4, attributedAt)
                .setParameter(5, promise.ruleId()).setParameter(6, promise.ruleVersion())
                .setParameter(7, promise.template()).setParameter(8, trigger)
                .executeUpdate() == 1;
    }

    /** The friend's gifts promised for their first visit and not granted yet, locked. */
    public List<Promise> waitingForFirstVisit(UUID referee) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select referral_id, referee_id, rule_id, rule_version, template_id from referee_welcome
                        where referee_id = ?1 and granted_at is null and trigger = 'FIRST_VISIT' for update""")
                .setParameter(1, referee).getResultList();
        return rows.stream().map(row -> new Promise((UUID) row[0], (UUID) row[1], (String) row[2],
                ((Number) row[3]).intValue(), (UUID) row[4])).toList();
    }

    public void markGranted(UUID referral, Instant at) {
        em.createNativeQuery("update referee_welcome set granted_at = ?2 where referral_id = ?1")
                .setParameter(1, referral).setParameter(2, at).executeUpdate();
    }
}
