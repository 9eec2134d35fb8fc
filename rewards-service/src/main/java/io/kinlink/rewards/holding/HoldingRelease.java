package io.kinlink.rewards.holding;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jboss.logging.Logger;

import io.kinlink.rewards.ledger.AccountKind;
import io.kinlink.rewards.ledger.Ledger;
import io.kinlink.rewards.holding.HoldingRepository.DueCredit;
import io.kinlink.rewards.ledger.Posting;
import io.kinlink.rewards.lots.PointsLots;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

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

    private final HoldingRepository repository;
    private final Ledger ledger;
    private final PointsLots lots;
    private final Clock clock;

    HoldingRelease(HoldingRepository repository, Ledger ledger, PointsLots lots, Clock clock) {
        this.repository = repository;
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
            batch = QuarkusTransaction.requiringNew().call(() -> repository.dueCredits(now, BATCH));
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
        long remainder = due.points() - repository.reversedWhilePending(due.transactionId());
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

    private static String key(DueCredit due) {
        return "release:" + due.transactionId();
    }
}
