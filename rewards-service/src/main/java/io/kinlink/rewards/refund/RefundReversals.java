package io.kinlink.rewards.refund;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.events.PointsReversed;
import io.kinlink.events.RefundAttributed;
import io.kinlink.events.Topics;
import io.kinlink.platform.outbox.Outbox;
import io.kinlink.rewards.budget.Budget;
import io.kinlink.rewards.budget.RewardKind;
import io.kinlink.rewards.ledger.AccountKind;
import io.kinlink.rewards.ledger.Ledger;
import io.kinlink.rewards.ledger.Posting;
import io.kinlink.rewards.lots.PointsLots;
import io.kinlink.rewards.refund.ReversalRepository.Credit;
import io.kinlink.rewards.repository.PurchaseRecordRepository;
import io.kinlink.rewards.repository.PurchaseRecordRepository.Refunded;
import io.kinlink.rewards.rules.RuleBook;
import io.kinlink.rewards.service.MilestoneCoupons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/**
 * Undoes what a purchase earned when it is refunded, credit by credit (so level by level), in
 * proportion to the share refunded so far: a refund of 30% leaves each credit at 70%, a full
 * refund at 0, and the rounding never undoes more than was paid. Points still pending are
 * reversed; points already available are clawed back, and the balance may go negative: the
 * debt is recorded, not hidden, and settled by the next points earned. Milestone coupons the
 * purchase's spend reached are voided when still unused.
 *
 * <p>Each reversal is keyed by the credit and the total it brings the credit's reversals to, so
 * a repeated refund, or a credit paid late (held by the budget) and then brought up to date,
 * never reverses twice.
 */
@ApplicationScoped
public class RefundReversals {

    public static final String REVERSED = "REFUND_REVERSED";
    public static final String CLAWED_BACK = "REFUND_CLAWBACK";

    private final PurchaseRecordRepository purchases;
    private final ReversalRepository reversals;
    private final Ledger ledger;
    private final PointsLots lots;
    private final RuleBook ruleBook;
    private final MilestoneCoupons milestones;
    private final Budget budget;
    private final Outbox outbox;
    private final WaitingRefundRepository waiting;

    public RefundReversals(PurchaseRecordRepository purchases, ReversalRepository reversals, Ledger ledger,
                           PointsLots lots, RuleBook ruleBook, MilestoneCoupons milestones, Budget budget, Outbox outbox, WaitingRefundRepository waiting) {
        this.waiting = waiting;
        this.purchases = purchases;
        this.reversals = reversals;
        this.ledger = ledger;
        this.lots = lots;
        this.ruleBook = ruleBook;
        this.milestones = milestones;
        this.budget = budget;
        this.outbox = outbox;
    }

    /** Applies a refund; one whose purchase has not arrived yet waits for it ({@link WaitingRefundRepository}). */
    @Transactional(TxType.MANDATORY)
    public void onRefundAttributed(RefundAttributed refund, UUID eventId) {
        if (!recordRefunded(refund.purchaseId(), refund.refundedTotalFen())) {
            waiting.keep(refund, eventId);
            return;
        }
        undo(refund.memberId(), refund.refundId(), refund.purchaseId(), eventId, refund.occurredAt());
    }

    /** Applies the refund that arrived before this purchase, if one did; called once the purchase is paid. */
    @Transactional(TxType.MANDATORY)
    public void afterPurchase(UUID purchase) {
        waiting.take(purchase).ifPresent(refund -> {
            recordRefunded(purchase, refund.refundedTotalFen());
            undo(refund.memberId(), refund.refundId(), purchase, refund.eventId(), refund.occurredAt());
        });
    }

    private void undo(UUID member, UUID refundId, UUID purchase, UUID eventId, Instant at) {
        ruleBook.at(at).milestone().ifPresent(rule -> milestones.onRefund(member, refundId, rule.params().everyFen()));
        reconcile(purchase, eventId, at);
    }

    /**
     * Raises the purchase's refunded total (a late, smaller total changes nothing) and takes what
     * it added off the revenue of the purchase's month; false when the purchase is not known here yet.
     */
    private boolean recordRefunded(UUID purchase, long refundedTotalFen) {
        Optional<PurchaseRecordRepository.Locked> locked = purchases.lockRefunded(purchase);
        if (locked.isEmpty()) {
            return false;
        }
        long before = locked.get().refundedFen();
        if (refundedTotalFen > before) {
            purchases.setRefunded(purchase, refundedTotalFen);
            budget.countRevenue(locked.get().occurredAt(), before - refundedTotalFen);
        }
        return true;
    }

    /** Brings every credit of the purchase down to the share of it not refunded so far. */
    @Transactional(TxType.MANDATORY)
    public void reconcile(UUID purchase, UUID eventId, Instant at) {
        Refunded refunded = purchases.refundedOf(purchase).orElse(null);
        if (refunded == null || refunded.refundedFen() == 0) {
            return;
        }
        for (Credit credit : reversals.creditsOf(purchase)) {
            ledger.lockMember(credit.member());
            long target = Math.multiplyExact(credit.points(), Math.min(refunded.refundedFen(), refunded.amountFen()))
                    / refunded.amountFen();
            long delta = target - reversals.reversedSoFar(credit.transactionId());
            if (delta > 0) {
                reverse(purchase, refunded, eventId, at, credit, delta, target);
            }
        }
    }

    public boolean fullyRefunded(UUID purchase) {
        Refunded refunded = purchases.refundedOf(purchase).orElse(null);
        return refunded != null && refunded.refundedFen() >= refunded.amountFen();
    }

    private void reverse(UUID purchase, Refunded refunded, UUID eventId, Instant at, Credit credit, long points,
                         long target) {
        // Points credited as available (own spend) sit in a lot of their own; pending ones in the release's lot.
        UUID lot = credit.account() == AccountKind.MEMBER_POINTS_AVAILABLE ? credit.transactionId()
                : reversals.releaseOf(credit.transactionId());
        boolean pending = lot == null;
        AccountKind from = pending ? AccountKind.MEMBER_POINTS_PENDING : AccountKind.MEMBER_POINTS_AVAILABLE;
        // keyed by the credit's own key (not its row id), so a replay of the history makes the same keys
        String key = "reverse:" + credit.key() + ":upto:" + target;
        Posting posting = new Posting(key, credit.member(), pending ? REVERSED : CLAWED_BACK,
                new Posting.Source("REFUND", purchase + "@" + refunded.refundedFen(), eventId), credit.rule(),
                credit.chainLevel(),
                String.format("%d of %d fen of purchase %s refunded: %d points %s", refunded.refundedFen(),
                        refunded.amountFen(), purchase, points,
                        pending ? "reversed while pending"
                                : credit.account() == AccountKind.MEMBER_POINTS_AVAILABLE ? "taken back (they were available at once)"
                                : "taken back after the holding period"),
                at,
                List.of(new Posting.Leg(credit.member(), from, -points, null),
                        new Posting.Leg(null, AccountKind.PROGRAM_POINTS_ISSUED, points, null)),
                credit.transactionId());
        ledger.post(posting).ifPresent(transaction -> {
            if (!pending) {
                lots.takePreferring(credit.member(), lot, points);
            }
            budget.recordUse(budget.periodOf(credit.occurredAt()), -budget.valueOfPoints(points), RewardKind.POINTS, key, at);
            outbox.append(Topics.REWARDS_EVENTS, credit.member().toString(), new PointsReversed(credit.member(),
                    transaction, credit.transactionId(), points, posting.reason(), posting.source().type(),
                    posting.source().id(), credit.chainLevel(), pending, at));
        });
    }
}
