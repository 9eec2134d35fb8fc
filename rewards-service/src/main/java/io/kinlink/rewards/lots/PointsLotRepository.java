package io.kinlink.rewards.lots;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.kinlink.platform.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The points_lot table: available points by the lot they were earned in. */
@ApplicationScoped
class PointsLotRepository {

    /** A lot with points left, as a take reads it. */
    record OpenLot(UUID id, long remaining) {
    }

    private final EntityManager em;

    PointsLotRepository(EntityManager em) {
        this.em = em;
    }

    void insert(UUID member, UUID sourceTransaction, Instant earnedAt, Instant expiresAt, long amount, long remaining) {
        em.createNativeQuery("""
                        insert into points_lot (id, member_id, source_transaction_id, earned_at, expires_at, amount,
                            remaining)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, member)
                .setParameter(3, sourceTransaction)
                .setParameter(4, earnedAt)
                .setParameter(5, expiresAt)
                .setParameter(6, amount)
                .setParameter(7, remaining)
                .executeUpdate();
    }

    /**
     * The member's lots with points left, locked, in the order they are spent: the lot of
     * {@code preferredSource} first when given, then the oldest expiry.
     */
    @SuppressWarnings("unchecked")
    List<OpenLot> openLots(UUID member, UUID preferredSource) {
        String preferred = preferredSource == null ? "" : "(source_transaction_id = ?2) desc, ";
        var query = em.createNativeQuery("select id, remaining from points_lot where member_id = ?1 and remaining > 0 "
                + "order by " + preferred + "expires_at, earned_at, id for update").setParameter(1, member);
        if (preferredSource != null) {
            query.setParameter(2, preferredSource);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new OpenLot((UUID) row[0], ((Number) row[1]).longValue())).toList();
    }

    void takeFrom(UUID lot, long points) {
        em.createNativeQuery("update points_lot set remaining = remaining - ?1 where id = ?2")
                .setParameter(1, points).setParameter(2, lot).executeUpdate();
    }

    List<PointsLots.ExpiredLot> expiredBy(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, member_id, remaining, expires_at from points_lot
                        where remaining > 0 and expires_at <= ?1 order by expires_at, id limit ?2""")
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream().map(row -> new PointsLots.ExpiredLot((UUID) row[0], (UUID) row[1],
                ((Number) row[2]).longValue(), SqlTimes.instant(row[3]))).toList();
    }

    /** Sets a lot's remaining points to 0; returns what was left in it. */
    long empty(UUID lot) {
        Object remaining = em.createNativeQuery("select remaining from points_lot where id = ?1 for update")
                .setParameter(1, lot).getSingleResult();
        em.createNativeQuery("update points_lot set remaining = 0 where id = ?1").setParameter(1, lot).executeUpdate();
        return ((Number) remaining).longValue();
    }

    long expiringBefore(UUID member, Instant horizon) {
        return ((Number) em.createNativeQuery(
                        "select coalesce(sum(remaining), 0) from points_lot where member_id = ?1 and remaining > 0 "
                                + "and expires_at < ?2")
                .setParameter(1, member).setParameter(2, horizon).getSingleResult()).longValue();
    }
}
