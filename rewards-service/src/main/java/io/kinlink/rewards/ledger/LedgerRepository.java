package io.kinlink.rewards.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.platform.AdvisoryLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The ledger's tables: transactions (claimed by their idempotency key), entries and accounts. */
@ApplicationScoped
public class LedgerRepository {

    private final EntityManager em;

    public LedgerRepository(EntityManager em) {
        this.em = em;
    }

    /** Inserts the transaction unless its idempotency key was posted before; whether it was inserted. */
    boolean claim(UUID transactionId, Posting posting, Instant recordedAt) {
        return em.createNativeQuery("""
                        insert into ledger_transaction (id, idempotency_key, member_id, reason, source_type, source_id,
                            source_event_id, rule_id, rule_version, chain_level, explanation, occurred_at, recorded_at,
                            reverses_transaction_id)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
                        on conflict (idempotency_key) do nothing""")
                .setParameter(1, transactionId)
                .setParameter(2, posting.idempotencyKey())
                .setParameter(3, posting.member())
                .setParameter(4, posting.reason())
                .setParameter(5, posting.source().type())
                .setParameter(6, posting.source().id())
                .setParameter(7, posting.source().eventId())
                .setParameter(8, posting.rule() == null ? null : posting.rule().id())
                .setParameter(9, posting.rule() == null ? null : posting.rule().version())
                .setParameter(10, posting.chainLevel())
                .setParameter(11, posting.explanation())
                .setParameter(12, posting.occurredAt())
                .setParameter(13, recordedAt)
                .setParameter(14, posting.reverses())
                .executeUpdate() == 1;
    }

    void insertEntry(UUID transactionId, UUID account, long amount, Instant availableAt) {
        em.createNativeQuery("insert into ledger_entry (transaction_id, account_id, amount, available_at) "
                        + "values (?1, ?2, ?3, ?4)")
                .setParameter(1, transactionId)
                .setParameter(2, account)
                .setParameter(3, amount)
                .setParameter(4, availableAt)
                .executeUpdate();
    }

    /** Keeps a member account's cached balance equal to its entries. */
    void addToBalance(UUID account, long amount) {
        em.createNativeQuery("update ledger_account set balance = balance + ?1 where id = ?2")
                .setParameter(1, amount)
                .setParameter(2, account)
                .executeUpdate();
    }

    void lockMember(UUID member) {
        AdvisoryLocks.holdUntilCommit(em, "points:" + member);
    }

    /** The cached balance of a member account; 0 when it has no entries yet. */
    public long balance(UUID member, AccountKind kind) {
        List<?> balances = em.createNativeQuery("select balance from ledger_account where member_id = ?1 and kind = ?2")
                .setParameter(1, member)
                .setParameter(2, kind.name())
                .getResultList();
        return balances.isEmpty() ? 0 : ((Number) balances.get(0)).longValue();
    }

    /** The member's balances by account kind (only the accounts they have). */
    public List<Object[]> balancesOf(UUID member) {
        return em.createQuery("select a.kind, a.balance from LedgerAccount a where a.memberId = :member",
                Object[].class).setParameter("member", member).getResultList();
    }

    Optional<UUID> memberAccount(UUID member, AccountKind kind) {
        return em.createNativeQuery("select id from ledger_account where member_id = ?1 and kind = ?2")
                .setParameter(1, member).setParameter(2, kind.name()).getResultStream().findFirst().map(UUID.class::cast);
    }

    /** Opens the member's account of this kind unless a concurrent transaction just did. */
    void openMemberAccount(UUID member, AccountKind kind) {
        em.createNativeQuery("insert into ledger_account (id, member_id, kind, balance) values (?1, ?2, ?3, 0) "
                        + "on conflict do nothing")
                .setParameter(1, UUID.randomUUID()).setParameter(2, member).setParameter(3, kind.name())
                .executeUpdate();
    }

    Optional<UUID> programmeAccount(AccountKind kind) {
        return em.createNativeQuery("select id from ledger_account where member_id is null and kind = ?1")
                .setParameter(1, kind.name()).getResultStream().findFirst().map(UUID.class::cast);
    }

    /** Opens the programme's account of this kind (it keeps no cached balance) unless one exists. */
    void openProgrammeAccount(AccountKind kind) {
        em.createNativeQuery("insert into ledger_account (id, member_id, kind, balance) values (?1, null, ?2, null) "
                        + "on conflict do nothing")
                .setParameter(1, UUID.randomUUID()).setParameter(2, kind.name()).executeUpdate();
    }

    /** The member's entries with their transactions, newest first: one page of their history. */
    @SuppressWarnings("unchecked")
    public List<Object[]> historyOf(UUID member, int page, int size) {
        return em.createNativeQuery("""
                        select t.id, t.reason, a.kind, e.amount, t.source_type, t.source_id, t.rule_id, t.rule_version,
                               t.chain_level, t.explanation, t.occurred_at, e.available_at
                        from ledger_entry e
                        join ledger_account a on a.id = e.account_id
                        join ledger_transaction t on t.id = e.transaction_id
                        where a.member_id = ?1
                        order by t.recorded_at desc, e.id desc""")
                .setParameter(1, member)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
    }
}
