package io.kinlink.rewards.coupons;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Coupon templates (the {@link CouponTemplate} entity). */
@ApplicationScoped
class CouponTemplateRepository {

    private final EntityManager em;

    CouponTemplateRepository(EntityManager em) {
        this.em = em;
    }

    void persist(CouponTemplate template) {
        em.persist(template);
    }

    /** Every template, newest first. */
    List<CouponTemplate> all() {
        return em.createQuery("from CouponTemplate order by createdAt desc, id", CouponTemplate.class).getResultList();
    }

    Optional<CouponTemplate> find(UUID id) {
        return Optional.ofNullable(em.find(CouponTemplate.class, id));
    }
}
