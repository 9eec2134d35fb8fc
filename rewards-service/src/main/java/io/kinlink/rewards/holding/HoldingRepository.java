package io.kinlink.rewards.holding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.kinlink.platform.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** What the holding period reads of the ledger: pending credits that are due, and what was reversed of them. */
@ApplicationScoped
class HoldingRepository {

    /** A pending credit whose holding period has ended. */
    record DueCredit(UUID transactionId, UUID member, long points, Instant availableAt, Instant earnedAt) {
    }

    private final EntityManager em;

    HoldingRepository(EntityManager em) {
        this.em = em;
    }

    /** Credits to pending accounts that are due, not yet released and not fully reversed; oldest first. */
    @SuppressWarnings("unchecked")
    List<DueCredit> dueCredits(Instant now, int limit) {
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
                .setParameter(2, limit)
                .getResultList();
        return rows.stream().map(row -> new DueCredit((UUID) row[0], (UUID) row[1], ((Number) row[2]).longValue(),
                SqlTimes.instant(row[3]), SqlTimes.instant(row[4]))).toList();
    }

    /** The points of a credit reversed while they were pending. */
    long reversedWhilePending(UUID credit) {
        return ((Number) em.createNativeQuery("""
                        select coalesce(-sum(e.amount), 0) from ledger_transaction t
                        join ledger_entry e on e.transaction_id = t.id
                        join ledger_account a on a.id = e.account_id and a.kind = 'MEMBER_POINTS_PENDING'
                        where t.reverses_transaction_id = ?1""")
                .setParameter(1, credit).getSingleResult()).longValue();
    }
}
