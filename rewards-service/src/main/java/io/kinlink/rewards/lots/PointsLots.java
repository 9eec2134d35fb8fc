package io.kinlink.rewards.lots;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.kinlink.rewards.config.RewardsSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/**
 * Available points by the lot they were earned in. Every change happens in the ledger transaction
 * that moves the points, under the member's lock, and keeps one invariant: the remaining points
 * of a member's lots add up to their available balance, or to 0 while that balance is negative.
 */
@ApplicationScoped
public class PointsLots {

    private final PointsLotRepository repository;
    private final RewardsSettings settings;

    PointsLots(PointsLotRepository repository, RewardsSettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    /**
     * Opens the lot of points that just became available, expiring the configured time after they
     * were earned. While the member owes points (a clawback made the balance negative) the debt
     * is settled first, so only what is left over opens spendable.
     *
     * @param balanceAfter the available balance including these points
     */
    @Transactional(TxType.MANDATORY)
    public void open(UUID member, UUID sourceTransaction, Instant earnedAt, long points, long balanceAfter) {
        long spendable = Math.max(0, Math.min(points, balanceAfter));
        repository.insert(member, sourceTransaction, earnedAt,
                earnedAt.atOffset(ZoneOffset.UTC).plus(settings.pointsValidity()).toInstant(), points, spendable);
    }

    /** Takes {@code points} from the member's lots, oldest expiry first; returns how many it found. */
    @Transactional(TxType.MANDATORY)
    public long take(UUID member, long points) {
        return takeFrom(repository.openLots(member, null), points);
    }

    /** Takes {@code points}, from the lot a credit was released into first, then oldest first. */
    @Transactional(TxType.MANDATORY)
    public long takePreferring(UUID member, UUID lotSourceTransaction, long points) {
        return takeFrom(repository.openLots(member, lotSourceTransaction), points);
    }

    /** Lots past their end with points left, oldest first. */
    @Transactional(TxType.MANDATORY)
    public List<ExpiredLot> expiredBy(Instant now, int limit) {
        return repository.expiredBy(now, limit);
    }

    /** Empties a lot at its expiry; returns what was left in it (0 when spent meanwhile). */
    @Transactional(TxType.MANDATORY)
    public long empty(UUID lot) {
        return repository.empty(lot);
    }

    /** Points that expire before {@code horizon}. */
    @Transactional(TxType.MANDATORY)
    public long expiringBefore(UUID member, Instant horizon) {
        return repository.expiringBefore(member, horizon);
    }

    private long takeFrom(List<PointsLotRepository.OpenLot> lots, long points) {
        long left = points;
        for (PointsLotRepository.OpenLot lot : lots) {
            if (left == 0) {
                break;
            }
            long taken = Math.min(left, lot.remaining());
            repository.takeFrom(lot.id(), taken);
            left -= taken;
        }
        return points - left;
    }

    public record ExpiredLot(UUID id, UUID member, long remaining, Instant expiresAt) {
    }
}
