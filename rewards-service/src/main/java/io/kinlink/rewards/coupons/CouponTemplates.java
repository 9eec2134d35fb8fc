package io.kinlink.rewards.coupons;

import java.util.List;
import java.util.UUID;

import io.kinlink.platform.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/** The coupon templates operators keep: what a coupon of each is worth, how long it lasts, how many a member may hold. */
@ApplicationScoped
public class CouponTemplates {

    private final CouponTemplateRepository repository;

    CouponTemplates(CouponTemplateRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public CouponTemplate create(CouponTemplate template) {
        repository.persist(template);
        return template;
    }

    /** Every template, newest first. */
    @Transactional
    public List<CouponTemplate> all() {
        return repository.all();
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
        return repository.find(id)
                .orElseThrow(() -> new NotFoundProblem("coupon-template-not-found", "No coupon template " + id));
    }
}
