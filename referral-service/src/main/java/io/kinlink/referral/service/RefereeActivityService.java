package io.kinlink.referral.service;

import io.kinlink.events.PurchaseRecorded;
import io.kinlink.events.RefundRecorded;
import io.kinlink.events.VisitRecorded;
import io.kinlink.referral.repository.MemberPurchaseRepository;
import io.kinlink.referral.repository.ReferralRepository;
import jakarta.enterprise.context.ApplicationScoped;
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
    private final MemberPurchaseRepository purchases;

    public RefereeActivityService(ReferralRepository referrals, MemberPurchaseRepository purchases) {
        this.referrals = referrals;
        this.purchases = purchases;
    }

    @Transactional(TxType.MANDATORY)
    public void onVisitRecorded(VisitRecorded visit) {
        referrals.findByReferee(visit.memberId()).ifPresent(referral -> referral.recordVisit(visit.occurredAt()));
    }

    @Transactional(TxType.MANDATORY)
    public void onPurchaseRecorded(PurchaseRecorded purchase) {
        referrals.findByReferee(purchase.memberId())
                .ifPresent(referral -> referral.recordPurchase(purchase.occurredAt()));
        purchases.insert(purchase.purchaseId(), purchase.memberId(), purchase.amountFen(), purchase.occurredAt());
    }

    /** The event carries the refunded total so far, so applying it twice cannot count a refund twice. */
    @Transactional(TxType.MANDATORY)
    public void onRefundRecorded(RefundRecorded refund) {
        purchases.raiseRefunded(refund.purchaseId(), refund.refundedTotalFen());
    }
}
