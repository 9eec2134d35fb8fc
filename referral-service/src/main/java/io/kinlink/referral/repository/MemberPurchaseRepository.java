package io.kinlink.referral.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The member_purchase table: every member's purchases, net of refunds, for their referrers' network revenue. */
@ApplicationScoped
public class MemberPurchaseRepository {

    private final EntityManager em;

    public MemberPurchaseRepository(EntityManager em) {
        this.em = em;
    }

    /** Keeps the purchase once. */
    public void insert(UUID purchase, UUID member, long amountFen, Instant purchasedAt) {
        em.createNativeQuery("""
                        insert into member_purchase (purchase_id, member_id, amount_fen, purchased_at)
                        values (?1, ?2, ?3, ?4) on conflict (purchase_id) do nothing""")
                .setParameter(1, purchase)
                .setParameter(2, member)
                .setParameter(3, amountFen)
                .setParameter(4, purchasedAt)
                .executeUpdate();
    }

    /** Raises the refunded total; a smaller (older) total changes nothing. */
    public void raiseRefunded(UUID purchase, long refundedTotalFen) {
        em.createNativeQuery("""
                        update member_purchase set refunded_fen = greatest(refunded_fen, ?2)
                        where purchase_id = ?1""")
                .setParameter(1, purchase)
                .setParameter(2, refundedTotalFen)
                .executeUpdate();
    }
}
