package io.kinlink.rewards.rules;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The coupon templates that rules name, by table rather than the coupons' entity: coupons depend
 * on the budget, which depends on the rules.
 */
@ApplicationScoped
class RuleTemplateRepository {

    /** What a rule's announcement says of its coupon. */
    record TemplateFacts(String name, long faceValueFen, long minSpendFen, int validDays) {
    }

    private final EntityManager em;

    RuleTemplateRepository(EntityManager em) {
        this.em = em;
    }

    boolean exists(UUID template) {
        return !em.createNativeQuery("select 1 from coupon_template where id = ?1")
                .setParameter(1, template).getResultList().isEmpty();
    }

    Optional<TemplateFacts> facts(UUID template) {
        return em.createNativeQuery(
                        "select name, face_value_fen, min_spend_fen, valid_days from coupon_template where id = ?1")
                .setParameter(1, template).getResultStream().findFirst().map(found -> {
                    Object[] row = (Object[]) found;
                    return new TemplateFacts((String) row[0], ((Number) row[1]).longValue(),
                            ((Number) row[2]).longValue(), ((Number) row[3]).intValue());
                });
    }

    /** Makes an active template with this id unless one exists. */
    void createIfAbsent(UUID id, String name, long faceValueFen, int validDays, Instant at) {
        em.createNativeQuery("""
                        insert into coupon_template (id, name, face_value_fen, min_spend_fen, valid_days, active, created_at)
                        values (?1, ?2, ?3, 0, ?4, true, ?5) on conflict (id) do nothing""")
                .setParameter(1, id).setParameter(2, name).setParameter(3, faceValueFen).setParameter(4, validDays)
                .setParameter(5, at).executeUpdate();
    }
}
