package io.kinlink.rewards.lots;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jboss.logging.Logger;

import io.kinlink.rewards.ledger.AccountKind;
import io.kinlink.rewards.ledger.Ledger;
import io.kinlink.rewards.ledger.Posting;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Expires what is left of each lot at its end, one ledger transaction per lot ("expire:" + lot),
 * so repeated or resumed runs expire each lot once and catch up on everything past due.
 */
@ApplicationScoped
public class PointsExpiry {

    private static final Logger LOG = Logger.getLogger(PointsExpiry.class);
    public static final String REASON = "EXPIRED";
    private static final int BATCH = 200;

    private final PointsLots lots;
    private final Ledger ledger;
    private final Clock clock;

    public PointsExpiry(PointsLots lots, Ledger ledger, Clock clock) {
        this.lots = lots;
        this.ledger = ledger;
        this.clock = clock;
    }

    public int expireDue() {
        return expireDue(clock.instant());
    }

    public int expireDue(Instant now) {
        int expired = 0;
        List<PointsLots.ExpiredLot> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> lots.expiredBy(now, BATCH));
            for (PointsLots.ExpiredLot lot : batch) {
                if (QuarkusTransaction.requiringNew().call(() -> expire(lot))) {
                    expired++;
                }
            }
        } while (batch.size() == BATCH);
        if (expired > 0) {
            LOG.infof("Expired %d lots due by %s", expired, now);
        }
        return expired;
    }

    private boolean expire(PointsLots.ExpiredLot lot) {
        ledger.lockMember(lot.member());
        long left = lots.empty(lot.id());
        if (left == 0) {
            return false; // spent or expired meanwhile
        }
        Posting posting = new Posting("expire:" + lot.id(), lot.member(), REASON,
                new Posting.Source("LOT", lot.id().toString(), null), null, null,
                left + " points earned more than the validity period ago expired unspent", lot.expiresAt(),
                List.of(new Posting.Leg(lot.member(), AccountKind.MEMBER_POINTS_AVAILABLE, -left, null),
                        new Posting.Leg(null, AccountKind.PROGRAM_POINTS_EXPIRED, left, null)));
        return ledger.post(posting).isPresent();
    }
}
