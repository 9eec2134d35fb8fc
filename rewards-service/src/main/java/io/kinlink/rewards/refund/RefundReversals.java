package io.kinlink.rewards.refund;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.kinlink.events.PointsReversed;
import io.kinlink.events.RefundAttributed;
import io.kinlink.events.Topics;
import io.kinlink.platform.SqlTimes;
import io.kinlink.platform.outbox.Outbox;
import io.kinlink.rewards.budget.Budget;
import io.kinlink.rewards.budget.RewardKind;
import io.kinlink.rewards.ledger.AccountKind;
import io.kinlink.rewards.ledger.Ledger;
import io.kinlink.rewards.ledger.Posting;
import io.kinlink.rewards.lots.PointsLots;
import io.kinlink.rewards.rules.RuleBook;
import io.kinlink.rewards.service.MilestoneCoupons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

    private final EntityManager em;
    private final Ledger ledger;
    private final PointsLots lots;
    private final RuleBook ruleBook;
    private final MilestoneCoupons milestones;
    private final Budget budget;
    private final Outbox outbox;
    private final WaitingRefunds waiting;

    public RefundReversals(EntityManager em, Ledger ledger, PointsLots lots, RuleBook ruleBook,
                           MilestoneCoupons milestones, Budget budget, Outbox outbox, WaitingRefunds waiting) {
        this.waiting = waiting;
        this.em = em;
        this.ledger = ledger;
        this.lots = lots;
        this.ruleBook = ruleBook;
        this.milestones = milestones;
        this.budget = budget;
        this.outbox = outbox;
    }

    /** Applies a refund; one whose purchase has not arrived yet waits for it ({@link WaitingRefunds}). */
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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select refunded_fen, occurred_at from purchase_record where purchase_id = ?1 for update")
                .setParameter(1, purchase).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        long before = ((Number) rows.get(0)[0]).longValue();
        if (refundedTotalFen <= before) {
            return true;
        }
        em.createNativeQuery("update purchase_record set refunded_fen = ?2 where purchase_id = ?1")
                .setParameter(1, purchase).setParameter(2, refundedTotalFen).executeUpdate();
        budget.countRevenue(SqlTimes.instant(rows.get(0)[1]), before - refundedTotalFen);
        return true;
    }

    /** Brings every credit of the purchase down to the share of it not refunded so far. */
    @Transactional(TxType.MANDATORY)
    public void reconcile(UUID purchase, UUID eventId, Instant at) {
        Refunded refunded = refundedOf(purchase);
        if (refunded == null || refunded.refundedFen() == 0) {
            return;
        }
        for (Credit credit : creditsOf(purchase)) {
            ledger.lockMember(credit.member());
            long target = Math.multiplyExact(credit.points(), Math.min(refunded.refundedFen(), refunded.amountFen()))
                    / refunded.amountFen();
            long delta = target - reversedSoFar(credit.transactionId());
            if (delta > 0) {
                reverse(purchase, refunded, eventId, at, credit, delta, target);
            }
        }
    }

    public boolean fullyRefunded(UUID purchase) {
        Refunded refunded = refundedOf(purchase);
        return refunded != null && refunded.refundedFen() >= refunded.amountFen();
    }

    private void reverse(UUID purchase, Refunded refunded, UUID eventId, Instant at, Credit credit, long points,
                         long target) {
        // Points credited as available (own spend) sit in a lot of their own; pending ones in the release's lot.
        UUID lot = credit.account() == AccountKind.MEMBER_POINTS_AVAILABLE ? credit.transactionId()
                : releaseOf(credit.transactionId());
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

    /** What the purchase earned: its credits, with their member leg. */
    @SuppressWarnings("unchecked")
    private List<Credit> creditsOf(UUID purchase) {
        List<Object[]> rows = em.createNativeQuery("""
                        select t.id, a.member_id, e.amount, t.rule_id, t.rule_version, t.chain_level, a.kind, t.occurred_at,
                               t.idempotency_key
                        from ledger_transaction t
                        join ledger_entry e on e.transaction_id = t.id and e.amount > 0
                        join ledger_account a on a.id = e.account_id and a.member_id is not null
                        where t.source_type = 'PURCHASE' and t.source_id = ?1 and t.reverses_transaction_id is null
                        order by t.chain_level nulls first, t.id""")
                .setParameter(1, purchase.toString()).getResultList();
        return rows.stream().map(row -> new Credit((UUID) row[0], (UUID) row[1], ((Number) row[2]).longValue(),
                row[3] == null ? null : new Posting.Rule((String) row[3], (Integer) row[4]), (Integer) row[5],
                AccountKind.valueOf((String) row[6]), SqlTimes.instant(row[7]),
                (String) row[8])).toList();
    }

    private Refunded refundedOf(UUID purchase) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select amount_fen, refunded_fen from purchase_record where purchase_id = ?1")
                .setParameter(1, purchase).getResultList();
        return rows.isEmpty() ? null
                : new Refunded(((Number) rows.get(0)[0]).longValue(), ((Number) rows.get(0)[1]).longValue());
    }

    private long reversedSoFar(UUID credit) {
        return ((Number) em.createNativeQuery("""
                        select coalesce(sum(e.amount), 0) from ledger_transaction t
                        join ledger_entry e on e.transaction_id = t.id
                        join ledger_account a on a.id = e.account_id and a.member_id is null
                        where t.reverses_transaction_id = ?1""")
                .setParameter(1, credit).getSingleResult()).longValue();
    }

    private UUID releaseOf(UUID credit) {
        return (UUID) em.createNativeQuery("select id from ledger_transaction where idempotency_key = ?1")
                .setParameter(1, "release:" + credit).getResultStream().findFirst().orElse(null);
    }

    private record Refunded(long amountFen, long refundedFen) {
    }

    private record Credit(UUID transactionId, UUID member, long points, Posting.Rule rule, Integer chainLevel,
                          AccountKind account, Instant occurredAt, String key) {
    }
}
