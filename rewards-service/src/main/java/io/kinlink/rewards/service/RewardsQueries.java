package io.kinlink.rewards.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.kinlink.platform.SqlTimes;
import io.kinlink.rewards.config.RewardsSettings;
import io.kinlink.rewards.ledger.AccountKind;
import io.kinlink.rewards.ledger.LedgerRepository;
import io.kinlink.rewards.lots.PointsLots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** What members and partners read: balances and the history of movements with their reasons. */
@ApplicationScoped
public class RewardsQueries {

    private final LedgerRepository ledger;
    private final PointsLots lots;
    private final RewardsSettings settings;
    private final Clock clock;

    public RewardsQueries(LedgerRepository ledger, PointsLots lots, RewardsSettings settings, Clock clock) {
        this.ledger = ledger;
        this.lots = lots;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public Balance balanceOf(UUID member) {
        long pending = 0;
        long available = 0;
        for (Object[] row : ledger.balancesOf(member)) {
            if (row[0] == AccountKind.MEMBER_POINTS_PENDING) {
                pending = (Long) row[1];
            } else if (row[0] == AccountKind.MEMBER_POINTS_AVAILABLE) {
                available = (Long) row[1];
            }
        }
        Instant horizon = clock.instant().plus(settings.expiringSoon());
        return new Balance(member, pending, available, lots.expiringBefore(member, horizon), horizon);
    }

    /** The member's movements, newest first. */
    @Transactional
    public List<Movement> historyOf(UUID member, int page, int size) {
        return ledger.historyOf(member, page, size).stream().map(Movement::fromRow).toList();
    }

    /**
     * @param availablePoints     spendable now; negative while the member owes points clawed back after a refund
     * @param expiringSoonPoints  available points that expire before {@code expiringBefore}
     */
    public record Balance(UUID memberId, long pendingPoints, long availablePoints, long expiringSoonPoints,
                          Instant expiringBefore) {
    }

    /** One entry on one of the member's accounts, with the transaction that explains it. */
    public record Movement(UUID transactionId, String reason, String account, long points, String sourceType,
                           String sourceId, String ruleId, Integer ruleVersion, Integer chainLevel,
                           String explanation, Instant occurredAt, Instant availableAt) {

        static Movement fromRow(Object[] row) {
            return new Movement((UUID) row[0], (String) row[1], (String) row[2], ((Number) row[3]).longValue(),
                    (String) row[4], (String) row[5], (String) row[6], (Integer) row[7], (Integer) row[8],
                    (String) row[9], SqlTimes.instant(row[10]), SqlTimes.instant(row[11]));
        }
    }
}
