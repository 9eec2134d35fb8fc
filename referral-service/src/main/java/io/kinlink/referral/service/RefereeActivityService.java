package io.kinlink.referral.service;

import io.kinlink.events.PurchaseRecorded;
import io.kinlink.events.RefundRecorded;
import io.kinlink.events.VisitRecorded;
import io.kinlink.referral.repository.ReferralRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Follows what members do after they join: a referee's first visit and first purchase move their
 * referral down the funnel, and every member's net purchases make up the revenue their referrers'
 * networks bring.
 */
@ApplicationScoped
public class RefereeActivityService {

    private final ReferralRepository referrals;
    private final EntityManager entityManager;

    public RefereeActivityService(ReferralRepository referrals, EntityManager entityManager) {
        this.referrals = referrals;
        this.entityManager = entityManager;
    }

    @Transactional(TxType.MANDATORY)
    public void onVisitRecorded(VisitRecorded visit) {
        referrals.findByReferee(visit.memberId()).ifPresent(referral -> referral.recordVisit(visit.occurredAt()));
    }

    @Transactional(TxType.MANDATORY)
    public void onPurchaseRecorded(PurchaseRecorded purchase) {
        referrals.findByReferee(purchase.memberId())
                .ifPresent(referral -> referral.recordPurchase(purchase.occurredAt()));
        entityManager.createNativeQuery("""
                        insert into member_purchase (purchase_id, member_id, amount_fen, purchased_at)
                        values (?1, ?2, ?3, ?4) on conflict (purchase_id) do nothing""")
                .setParameter(1, purchase.purchaseId())
                .setParameter(2, purchase.memberId())
                .setParameter(3, purchase.amountFen())
                .setParameter(4, purchase.occurredAt())
                .executeUpdate();
    }

    /** The event carries the refunded total so far, so applying it twice cannot count a refund twice. */
    @Transactional(TxType.MANDATORY)
    public void onRefundRecorded(RefundRecorded refund) {
        entityManager.createNativeQuery("""
                        update member_purchase set refunded_fen = greatest(refunded_fen, ?2)
                        where purchase_id = ?1""")
                .setParameter(1, refund.purchaseId())
                .setParameter(2, refund.refundedTotalFen())
                .executeUpdate();
    }
}
