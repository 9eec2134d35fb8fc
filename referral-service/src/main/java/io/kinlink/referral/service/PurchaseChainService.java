package io.kinlink.referral.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.kinlink.events.PurchaseAttributed;
import io.kinlink.events.PurchaseAttributed.ChainLink;
import io.kinlink.events.PurchaseRecorded;
import io.kinlink.events.RefundAttributed;
import io.kinlink.events.RefundRecorded;
import io.kinlink.events.Topics;
import io.kinlink.platform.outbox.Outbox;
import io.kinlink.referral.ReferralMember;
import io.kinlink.referral.repository.ReferralMemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Republishes every purchase with the buyer's referral chain at that moment, so the rewards
 * service can pay the levels above without asking who they are, and every refund after it.
 */
@ApplicationScoped
public class PurchaseChainService {

    private final ReferralMemberRepository members;
    private final ReferralChains chains;
    private final Outbox outbox;

    public PurchaseChainService(ReferralMemberRepository members, ReferralChains chains, Outbox outbox) {
        this.members = members;
        this.chains = chains;
        this.outbox = outbox;
    }

    @Transactional(TxType.MANDATORY)
    /** @param recordedAt when the member service recorded the purchase (its event's time) */
    public void onPurchaseRecorded(PurchaseRecorded purchase, Instant recordedAt) {
        // Registration and purchases share the member topic and key, so the member is known by now.
        ReferralMember buyer = members.findByIdOptional(purchase.memberId())
                .orElseThrow(() -> new IllegalStateException("Purchase " + purchase.purchaseId()
                        + " by member " + purchase.memberId() + " who has not registered"));
        outbox.append(Topics.REFERRAL_EVENTS, buyer.memberId().toString(), new PurchaseAttributed(
                purchase.purchaseId(), buyer.memberId(), purchase.amountFen(), purchase.branch(),
                purchase.occurredAt(), links(chains.chainOf(buyer)), recordedAt));
    }

    /** Refunds follow their purchase on the referral topic, under the same key, so rewards never sees one first. */
    @Transactional(TxType.MANDATORY)
    public void onRefundRecorded(RefundRecorded refund) {
        outbox.append(Topics.REFERRAL_EVENTS, refund.memberId().toString(), new RefundAttributed(refund.refundId(),
                refund.purchaseId(), refund.memberId(), refund.amountFen(), refund.purchaseAmountFen(),
                refund.refundedTotalFen(), refund.occurredAt()));
    }

    private static List<ChainLink> links(List<UUID> chain) {
        List<ChainLink> links = new ArrayList<>(chain.size());
        for (int i = 0; i < chain.size(); i++) {
            links.add(new ChainLink(i + 1, chain.get(i)));
        }
        return links;
    }
}
