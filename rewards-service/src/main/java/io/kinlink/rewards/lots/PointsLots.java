package io.kinlink.rewards.lots;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.kinlink.platform.SqlTimes;
import io.kinlink.rewards.config.RewardsSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/**
 * Available points by the lot they were earned in. Every change happens in the ledger transaction
 * that moves the points, under the member's lock, and keeps one invariant: the remaining points
 * of a member's lots add up to their available balance, or to 0 while that balance is negative.
 */
@ApplicationScoped
public class PointsLots {

    private final EntityManager em;
    private final RewardsSettings settings;

    public PointsLots(EntityManager em, RewardsSettings settings) {
        this.em = em;
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
        em.createNativeQuery("""
                        insert into points_lot (id, member_id, source_transaction_id, earned_at, expires_at, amount,
                            remaining)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, member)
                .setParameter(3, sourceTransaction)
                .setParameter(4, earnedAt)
                .setParameter(5, earnedAt.atOffset(ZoneOffset.UTC).plus(settings.pointsValidity()).toInstant())
                .setParameter(6, points)
                .setParameter(7, spendable)
                .executeUpdate();
    }

    /** Takes {@code points} from the member's lots, oldest expiry first; returns how many it found. */
    @Transactional(TxType.MANDATORY)
    public long take(UUID member, long points) {
        return takeFrom(openLots(member, null), points);
    }

    /** Takes {@code points}, from the lot a credit was released into first, then oldest first. */
    @Transactional(TxType.MANDATORY)
    public long takePreferring(UUID member, UUID lotSourceTransaction, long points) {
        return takeFrom(openLots(member, lotSourceTransaction), points);
    }

    /** Lots past their end with points left, oldest first. */
    @Transactional(TxType.MANDATORY)
    public List<ExpiredLot> expiredBy(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, member_id, remaining, expires_at from points_lot
                        where remaining > 0 and expires_at <= ?1 order by expires_at, id limit ?2""")
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream().map(row -> new ExpiredLot((UUID) row[0], (UUID) row[1], ((Number) row[2]).longValue(),
                SqlTimes.instant(row[3]))).toList();
    }

    /** Empties a lot at its expiry; returns what was left in it (0 when spent meanwhile). */
    @Transactional(TxType.MANDATORY)
    public long empty(UUID lot) {
        Object remaining = em.createNativeQuery("select remaining from points_lot where id = ?1 for update")
                .setParameter(1, lot).getSingleResult();
        em.createNativeQuery("update points_lot set remaining = 0 where id = ?1").setParameter(1, lot).executeUpdate();
        return ((Number) remaining).longValue();
    }

    /** Points that expire before {@code horizon}. */
    @Transactional(TxType.MANDATORY)
    public long expiringBefore(UUID member, Instant horizon) {
        return ((Number) em.createNativeQuery(
                        "select coalesce(sum(remaining), 0) from points_lot where member_id = ?1 and remaining > 0 "
                                + "and expires_at < ?2")
                .setParameter(1, member).setParameter(2, horizon).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> openLots(UUID member, UUID preferredSource) {
        String preferred = preferredSource == null ? "" : "(source_transaction_id = ?2) desc, ";
        var query = em.createNativeQuery("select id, remaining from points_lot where member_id = ?1 and remaining > 0 "
                + "order by " + preferred + "expires_at, earned_at, id for update").setParameter(1, member);
        if (preferredSource != null) {
            query.setParameter(2, preferredSource);
        }
        return query.getResultList();
    }

    private long takeFrom(List<Object[]> lots, long points) {
        long left = points;
        for (Object[] lot : lots) {
            if (left == 0) {
                break;
            }
            long taken = Math.min(left, ((Number) lot[1]).longValue());
            em.createNativeQuery("update points_lot set remaining = remaining - ?1 where id = ?2")
                    .setParameter(1, taken).setParameter(2, lot[0]).executeUpdate();
            left -= taken;
        }
        return points - left;
    }

    public record ExpiredLot(UUID id, UUID member, long remaining, Instant expiresAt) {
    }
}
