package io.kinlink.rewards.coupons;

import java.util.List;
import java.util.UUID;

import io.kinlink.platform.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/** The coupon templates operators keep: what a coupon of each is worth, how long it lasts, how many a member may hold. */
@ApplicationScoped
public class CouponTemplates {

    private final EntityManager em;

    public CouponTemplates(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public CouponTemplate create(CouponTemplate template) {
        em.persist(template);
        return template;
    }

    /** Every template, newest first. */
    @Transactional
    public List<CouponTemplate> all() {
        return em.createQuery("from CouponTemplate order by createdAt desc, id", CouponTemplate.class).getResultList();
    }

    /** No new coupons from it; those issued stay valid. */
    @Transactional
    public CouponTemplate retire(UUID id) {
        CouponTemplate template = get(id);
        template.deactivate();
        return template;
    }

    /** The face value of a template's coupons. */
    @Transactional(TxType.MANDATORY)
    public long faceValueOf(UUID id) {
        return get(id).faceValueFen();
    }

    CouponTemplate get(UUID id) {
        CouponTemplate template = em.find(CouponTemplate.class, id);
        if (template == null) {
            throw new NotFoundProblem("coupon-template-not-found", "No coupon template " + id);
        }
        return template;
    }
}
