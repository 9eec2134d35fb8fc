package io.kinlink.rewards.holding;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.kinlink.platform.SqlTimes;
import io.kinlink.rewards.ledger.AccountKind;
import io.kinlink.rewards.ledger.Ledger;
import io.kinlink.rewards.ledger.Posting;
import io.kinlink.rewards.lots.PointsLots;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Moves points whose holding period has ended from pending to available, one ledger transaction
 * per credit ("release:" + the credit's transaction id), and opens their lot. A run repeated,
 * overlapping or resumed after downtime releases each credit exactly once and catches up on
 * everything due. What a refund reversed while pending is not released.
 */
@ApplicationScoped
public class HoldingRelease {

    private static final Logger LOG = Logger.getLogger(HoldingRelease.class);
    public static final String REASON = "HOLDING_RELEASED";
    private static final int BATCH = 200;

    private final EntityManager em;
    private final Ledger ledger;
    private final PointsLots lots;
    private final Clock clock;

    public HoldingRelease(EntityManager em, Ledger ledger, PointsLots lots, Clock clock) {
        this.em = em;
        this.ledger = ledger;
        this.lots = lots;
        this.clock = clock;
    }

    public int releaseDue() {
        return releaseDue(clock.instant());
    }

    /** Releases every credit due by {@code now}, a batch per transaction; returns how many. */
    public int releaseDue(Instant now) {
        int released = 0;
        List<DueCredit> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> dueCredits(now));
            for (DueCredit due : batch) {
                if (QuarkusTransaction.requiringNew().call(() -> release(due))) {
                    released++;
                }
            }
        } while (batch.size() == BATCH);
        if (released > 0) {
            LOG.infof("Released %d pending credits due by %s", released, now);
        }
        return released;
    }

    /** Whether the credit was released now (false when a concurrent run did it first). */
    private boolean release(DueCredit due) {
        ledger.lockMember(due.member());
        long remainder = due.points() - reversedWhilePending(due.transactionId());
        if (remainder <= 0) {
            return false; // reversed in full while pending, meanwhile
        }
        Posting posting = new Posting(key(due), due.member(), REASON,
                new Posting.Source("HOLDING", due.transactionId().toString(), null), null, null,
                "The holding period of " + remainder + " points ended; they can be spent now", due.availableAt(),
                List.of(new Posting.Leg(due.member(), AccountKind.MEMBER_POINTS_PENDING, -remainder, null),
                        new Posting.Leg(due.member(), AccountKind.MEMBER_POINTS_AVAILABLE, remainder, null)));
        return ledger.post(posting).map(transaction -> {
            lots.open(due.member(), transaction, due.earnedAt(), remainder,
                    ledger.balance(due.member(), AccountKind.MEMBER_POINTS_AVAILABLE));
            return true;
        }).orElse(false);
    }

    private long reversedWhilePending(UUID credit) {
        return ((Number) em.createNativeQuery("""
                        select coalesce(-sum(e.amount), 0) from ledger_transaction t
                        join ledger_entry e on e.transaction_id = t.id
                        join ledger_account a on a.id = e.account_id and a.kind = 'MEMBER_POINTS_PENDING'
                        where t.reverses_transaction_id = ?1""")
                .setParameter(1, credit).getSingleResult()).longValue();
    }

    private static String key(DueCredit due) {
        return "release:" + due.transactionId();
    }

    /** Credits to pending accounts that are due, not yet released and not fully reversed; oldest first. */
    @SuppressWarnings("unchecked")
    private List<DueCredit> dueCredits(Instant now) {
        List<Object[]> rows = em.createNativeQuery("""
                        select e.transaction_id, a.member_id, e.amount, e.available_at, t.occurred_at
                        from ledger_entry e
                        join ledger_account a on a.id = e.account_id and a.kind = 'MEMBER_POINTS_PENDING'
                        join ledger_transaction t on t.id = e.transaction_id
                        where e.amount > 0 and e.available_at <= ?1 and t.reverses_transaction_id is null
                          and not exists (select 1 from ledger_transaction r
                                          where r.idempotency_key = 'release:' || e.transaction_id)
                          and e.amount > (select coalesce(-sum(re.amount), 0) from ledger_transaction rt
                                          join ledger_entry re on re.transaction_id = rt.id
                                          where rt.reverses_transaction_id = e.transaction_id
                                            and re.account_id = e.account_id)
                        order by e.available_at, e.transaction_id
                        limit ?2""")
                .setParameter(1, now)
                .setParameter(2, BATCH)
                .getResultList();
        return rows.stream().map(row -> new DueCredit((UUID) row[0], (UUID) row[1], ((Number) row[2]).longValue(),
                SqlTimes.instant(row[3]), SqlTimes.instant(row[4]))).toList();
    }

    private record DueCredit(UUID transactionId, UUID member, long points, Instant availableAt, Instant earnedAt) {
    }
}
