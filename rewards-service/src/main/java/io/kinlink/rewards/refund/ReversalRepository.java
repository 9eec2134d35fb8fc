package io.kinlink.rewards.refund;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.kinlink.platform.SqlTimes;
import io.kinlink.rewards.ledger.AccountKind;
import io.kinlink.rewards.ledger.Posting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** What a refund reads of the ledger: a purchase's credits, what was reversed of each, and their release. */
@ApplicationScoped
class ReversalRepository {

    /** A credit a purchase earned, with its member leg. */
    record Credit(UUID transactionId, UUID member, long points, Posting.Rule rule, Integer chainLevel,
                  AccountKind account, Instant occurredAt, String key) {
    }

    private final EntityManager em;

    ReversalRepository(EntityManager em) {
        this.em = em;
    }

    /** What the purchase earned: its credits, with their member leg, nearest level first. */
    @SuppressWarnings("unchecked")
    List<Credit> creditsOf(UUID purchase) {
        List<Object[]> rows = em.createNativeQuery("""
                        select t.id, a.member_id, e.amount, t.rule_id, t.rule_version, t.chain_level, a.kind, t.occurred_at,
                               t.idempotency_key
                        from ledger_transaction t
                        join ledger_entry e on e.transaction_id = t.id and e.amount > 0
                        join ledger_account a on a.id = e.account_id and a.member_id is not null
                        where t.source_type = 'PURCHASE' and t.source_id = ?1 and t.reverses_transaction_id is null
                        order by t.chain_level nulls first, t.id""")
                .setParameter(1, purchase.toString()).getResultList();
        return rows.stream().map(row -> new Credit((UUID) row[0], (UUID) row[1], ((Number) row[2]).longValue(),
                row[3] == null ? null : new Posting.Rule((String) row[3], (Integer) row[4]), (Integer) row[5],
                AccountKind.valueOf((String) row[6]), SqlTimes.instant(row[7]),
                (String) row[8])).toList();
    }

    /** The points reversed of a credit so far (what its reversals gave back to the programme). */
    long reversedSoFar(UUID credit) {
        return ((Number) em.createNativeQuery("""
                        select coalesce(sum(e.amount), 0) from ledger_transaction t
                        join ledger_entry e on e.transaction_id = t.id
                        join ledger_account a on a.id = e.account_id and a.member_id is null
                        where t.reverses_transaction_id = ?1""")
                .setParameter(1, credit).getSingleResult()).longValue();
    }

    /** The transaction that released a pending credit; null while it is pending. */
    UUID releaseOf(UUID credit) {
        return (UUID) em.createNativeQuery("select id from ledger_transaction where idempotency_key = ?1")
                .setParameter(1, "release:" + credit).getResultStream().findFirst().orElse(null);
    }
}
