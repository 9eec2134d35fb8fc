package io.kinlink.rewards.coupons;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** Coupons (the {@link Coupon} entity) and their movements ({@code coupon_movement}). */
@ApplicationScoped
class CouponRepository {

    /** How many coupons one expiry run ends at most. */
    static final int EXPIRY_BATCH = 500;

    private final EntityManager em;

    CouponRepository(EntityManager em) {
        this.em = em;
    }

    void persist(Coupon coupon) {
        em.persist(coupon);
    }

    Optional<Coupon> byIdempotencyKey(String key) {
        return em.createQuery("from Coupon where idempotencyKey = :key", Coupon.class)
                .setParameter("key", key).getResultStream().findFirst();
    }

    /** The coupon's idempotency key without loading (or locking) the coupon; empty when there is none. */
    Optional<String> idempotencyKeyOf(UUID couponId) {
        return em.createQuery("select idempotencyKey from Coupon where id = :id", String.class)
                .setParameter("id", couponId).getResultStream().findFirst();
    }

    /** The coupon, locked until the transaction ends. */
    Optional<Coupon> lock(UUID couponId) {
        return Optional.ofNullable(em.find(Coupon.class, couponId, LockModeType.PESSIMISTIC_WRITE));
    }

    List<Coupon> openFrom(String sourceType, String sourceId) {
        return em.createQuery("from Coupon where sourceType = :type and sourceId = :id and status = :issued",
                        Coupon.class)
                .setParameter("type", sourceType).setParameter("id", sourceId)
                .setParameter("issued", CouponStatus.ISSUED).getResultList();
    }

    List<Coupon> openOfReason(UUID member, String reason) {
        return em.createQuery("from Coupon where memberId = :member and reason = :reason and status = :issued",
                        Coupon.class)
                .setParameter("member", member).setParameter("reason", reason)
                .setParameter("issued", CouponStatus.ISSUED).getResultList();
    }

    /**
     * Unused coupons past their validity, the longest expired first; at most {@link #EXPIRY_BATCH},
     * locked until the transaction ends. Rows another transaction holds are skipped: a coupon being
     * redeemed at a till is not overwritten (it is looked at again next run), and two replicas
     * running the expiry at once take disjoint coupons, each expired and recorded once.
     */
    @SuppressWarnings("unchecked")
    List<Coupon> dueToExpire(Instant now) {
        return em.createNativeQuery("select * from coupon where status = 'ISSUED' and valid_until <= ?1 "
                        + "order by valid_until limit ?2 for update skip locked", Coupon.class)
                .setParameter(1, now).setParameter(2, EXPIRY_BATCH)
                .getResultList();
    }

    /** The member's coupons, newest first, optionally of one status. */
    List<Coupon> of(UUID member, Optional<CouponStatus> status) {
        var query = em.createQuery("from Coupon where memberId = :member"
                + (status.isPresent() ? " and status = :status" : "") + " order by issuedAt desc, id", Coupon.class)
                .setParameter("member", member);
        status.ifPresent(value -> query.setParameter("status", value));
        return query.getResultList();
    }

    /** The coupons a branch's till transaction used (one at most, unless a retry is under way). */
    List<UUID> usedOn(String branch, String tillTransaction) {
        return em.createQuery("select id from Coupon where redeemedBranch = :branch and redemptionTransaction = :till",
                        UUID.class)
                .setParameter("branch", branch).setParameter("till", tillTransaction).getResultList();
    }

    /** Coupons of the template the member holds or held, voided ones aside. */
    long issuedFromTemplate(UUID member, UUID template) {
        return em.createQuery("select count(*) from Coupon where memberId = :member and templateId = :template "
                        + "and status <> :voided", Long.class)
                .setParameter("member", member).setParameter("template", template)
                .setParameter("voided", CouponStatus.VOIDED).getSingleResult();
    }

    /** A movement row for the coupon's current status; the coupon is flushed first, so the row follows it. */
    void recordMovement(Coupon coupon, String reason, String sourceType, String sourceId, Instant at) {
        em.flush();
        em.createNativeQuery("insert into coupon_movement (coupon_id, kind, reason, source_type, source_id, at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, coupon.id()).setParameter(2, coupon.status().name())
                .setParameter(3, reason.length() > 200 ? reason.substring(0, 200) : reason)
                .setParameter(4, sourceType).setParameter(5, sourceId).setParameter(6, at)
                .executeUpdate();
    }
}
