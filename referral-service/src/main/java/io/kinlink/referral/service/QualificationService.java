package io.kinlink.referral.service;

import io.kinlink.events.PurchaseRecorded;
import io.kinlink.events.ReferralQualified;
import io.kinlink.events.ReferralReversed;
import io.kinlink.events.RefundRecorded;
import io.kinlink.events.Topics;
import io.kinlink.platform.outbox.Outbox;
import io.kinlink.referral.config.ReferralSettings;
import io.kinlink.referral.repository.ReferralRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Turns registered referrals into successful ones, and back when the qualifying purchase is refunded. */
@ApplicationScoped
public class QualificationService {

    private final ReferralRepository referrals;
    private final ReferralSettings settings;
    private final Outbox outbox;

    public QualificationService(ReferralRepository referrals, ReferralSettings settings, Outbox outbox) {
        this.referrals = referrals;
        this.settings = settings;
        this.outbox = outbox;
    }

    @Transactional(TxType.MANDATORY)
    public void onPurchaseRecorded(PurchaseRecorded purchase) {
        referrals.findByReferee(purchase.memberId())
                .filter(referral -> referral.qualifiesBy(purchase.amountFen(), purchase.occurredAt(),
                        settings.qualifyingMinimumFen(), settings.qualifyingWindow()))
                .ifPresent(referral -> {
                    referral.qualify(purchase.purchaseId(), purchase.occurredAt());
                    // keyed by the referee, like the PurchaseAttributed just before it: consumers see the purchase first
                    outbox.append(Topics.REFERRAL_EVENTS, referral.refereeId().toString(), new ReferralQualified(
                            referral.id(), referral.referrerId(), referral.refereeId(), purchase.purchaseId(),
                            purchase.amountFen(), purchase.occurredAt()));
                });
    }

    @Transactional(TxType.MANDATORY)
    public void onRefundRecorded(RefundRecorded refund) {
        referrals.findByReferee(refund.memberId())
                .filter(referral -> referral.reversedBy(refund.purchaseId(), refund.fullyRefunded()))
                .ifPresent(referral -> {
                    referral.reverse(refund.occurredAt());
                    outbox.append(Topics.REFERRAL_EVENTS, referral.refereeId().toString(), new ReferralReversed(
                            referral.id(), referral.referrerId(), referral.refereeId(), refund.purchaseId(),
                            refund.occurredAt()));
                });
    }
}
