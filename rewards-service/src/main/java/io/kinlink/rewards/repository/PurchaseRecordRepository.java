package io.kinlink.rewards.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.platform.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The purchase_record table: each purchase as rewards saw it, with what has been refunded of it. */
@ApplicationScoped
public class PurchaseRecordRepository {

    /** A purchase's amount and the total refunded of it so far. */
    public record Refunded(long amountFen, long refundedFen) {
    }

    /** The refunded total as locked for raising it, with the purchase's time (its revenue month). */
    public record Locked(long refundedFen, Instant occurredAt) {
    }

    private final EntityManager em;

    public PurchaseRecordRepository(EntityManager em) {
        this.em = em;
    }

    /** Keeps the purchase; false when it was kept before. */
    public boolean insert(UUID purchase, UUID member, long amountFen, Instant occurredAt, String branch) {
        return em.createNativeQuery("""
                        insert into purchase_record (purchase_id, member_id, amount_fen, occurred_at, branch)
                        values (?1, ?2, ?3, ?4, ?5) on conflict (purchase_id) do nothing""")
                .setParameter(1, purchase).setParameter(2, member).setParameter(3, amountFen)
                .setParameter(4, occurredAt).setParameter(5, branch)
                .executeUpdate() == 1;
    }

    /** The member's cumulative spend, net of refunds. */
    public long netSpend(UUID member) {
        return ((Number) em.createNativeQuery(
                        "select coalesce(sum(amount_fen - refunded_fen), 0) from purchase_record where member_id = ?1")
                .setParameter(1, member).getSingleResult()).longValue();
    }

    public long amountOf(UUID purchase) {
        return ((Number) em.createNativeQuery("select amount_fen from purchase_record where purchase_id = ?1")
                .setParameter(1, purchase).getSingleResult()).longValue();
    }

    /** The purchase's refunded total, locked until the transaction ends; empty when the purchase is unknown. */
    public Optional<Locked> lockRefunded(UUID purchase) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select refunded_fen, occurred_at from purchase_record where purchase_id = ?1 for update")
                .setParameter(1, purchase).getResultList();
        return rows.stream().findFirst()
                .map(row -> new Locked(((Number) row[0]).longValue(), SqlTimes.instant(row[1])));
    }

    public void setRefunded(UUID purchase, long refundedTotalFen) {
        em.createNativeQuery("update purchase_record set refunded_fen = ?2 where purchase_id = ?1")
                .setParameter(1, purchase).setParameter(2, refundedTotalFen).executeUpdate();
    }

    public Optional<Refunded> refundedOf(UUID purchase) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select amount_fen, refunded_fen from purchase_record where purchase_id = ?1")
                .setParameter(1, purchase).getResultList();
        return rows.stream().findFirst()
                .map(row -> new Refunded(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
    }
}
