package io.kinlink.rewards.refund;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.events.RefundAttributed;
import io.kinlink.platform.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Refunds that arrived before their purchase (table {@code refund_waiting}): kept with the highest
 * refunded total seen, and handed back once when the purchase arrives.
 */
@ApplicationScoped
class WaitingRefundRepository {

    private final EntityManager em;
    private final Clock clock;

    WaitingRefundRepository(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** A refund as it will be applied: the purchase's total refunded so far, as of the latest refund. */
    record Waiting(UUID purchaseId, UUID memberId, UUID refundId, long refundedTotalFen, Instant occurredAt,
                   UUID eventId) {
    }

    @Transactional(TxType.MANDATORY)
    void keep(RefundAttributed refund, UUID eventId) {
        em.createNativeQuery("""
                        insert into refund_waiting (purchase_id, member_id, refund_id, refunded_total_fen, occurred_at,
                            event_id, received_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (purchase_id) do update set refund_id = excluded.refund_id,
                            refunded_total_fen = excluded.refunded_total_fen, occurred_at = excluded.occurred_at,
                            event_id = excluded.event_id
                        where excluded.refunded_total_fen > refund_waiting.refunded_total_fen""")
                .setParameter(1, refund.purchaseId()).setParameter(2, refund.memberId()).setParameter(3, refund.refundId())
                .setParameter(4, refund.refundedTotalFen()).setParameter(5, refund.occurredAt())
                .setParameter(6, eventId).setParameter(7, clock.instant()).executeUpdate();
    }

    /** The refund waiting for this purchase, removed from the table; empty when none waits. */
    @Transactional(TxType.MANDATORY)
    Optional<Waiting> take(UUID purchase) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        delete from refund_waiting where purchase_id = ?1
                        returning member_id, refund_id, refunded_total_fen, occurred_at, event_id""")
                .setParameter(1, purchase).getResultList();
        return rows.stream().findFirst().map(row -> new Waiting(purchase, (UUID) row[0], (UUID) row[1],
                ((Number) row[2]).longValue(), SqlTimes.instant(row[3]), (UUID) row[4]));
    }
}
