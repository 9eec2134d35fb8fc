package io.kinlink.rewards.ledger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.kinlink.platform.AdvisoryLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/**
 * Posts ledger transactions. The unique idempotency key is claimed first: a second posting of the
 * same cause, by a retry, a redelivery or a concurrent consumer, inserts nothing and moves nothing.
 */
@ApplicationScoped
public class Ledger {

    private final EntityManager em;
    private final Clock clock;
    private final Event<Posted> posted;
    private final Map<AccountKind, UUID> programmeAccounts = new ConcurrentHashMap<>();

    public Ledger(EntityManager em, Clock clock, Event<Posted> posted) {
        this.em = em;
        this.clock = clock;
        this.posted = posted;
    }

    /** The new transaction's id, or empty when this cause was posted before. */
    @Transactional(TxType.MANDATORY)
    public Optional<UUID> post(Posting posting) {
        UUID transactionId = UUID.randomUUID();
        int claimed = em.createNativeQuery("""
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
                .setParameter(13, clock.instant())
                .setParameter(14, posting.reverses())
                .executeUpdate();
        if (claimed == 0) {
            return Optional.empty();
        }
        for (Posting.Leg leg : posting.legs()) {
            UUID account = accountId(leg.member(), leg.account());
            em.createNativeQuery("insert into ledger_entry (transaction_id, account_id, amount, available_at) "
                            + "values (?1, ?2, ?3, ?4)")
                    .setParameter(1, transactionId)
                    .setParameter(2, account)
                    .setParameter(3, leg.amount())
                    .setParameter(4, leg.availableAt())
                    .executeUpdate();
            if (leg.account().perMember()) {
                em.createNativeQuery("update ledger_account set balance = balance + ?1 where id = ?2")
                        .setParameter(1, leg.amount())
                        .setParameter(2, account)
                        .executeUpdate();
            }
        }
        posted.fire(new Posted(posting));
        return Optional.of(transactionId);
    }

    /**
     * Serializes every movement of one member's points until the transaction ends: a redemption,
     * an expiry and a clawback each read the balance and write it, and must not interleave.
     */
    @Transactional(TxType.MANDATORY)
    public void lockMember(UUID member) {
        AdvisoryLocks.holdUntilCommit(em, "points:" + member);
    }

    /** The cached balance of a member account; 0 when it has no entries yet. */
    @Transactional(TxType.MANDATORY)
    public long balance(UUID member, AccountKind kind) {
        List<?> balances = em.createNativeQuery("select balance from ledger_account where member_id = ?1 and kind = ?2")
                .setParameter(1, member)
                .setParameter(2, kind.name())
                .getResultList();
        return balances.isEmpty() ? 0 : ((Number) balances.get(0)).longValue();
    }

    private UUID accountId(UUID member, AccountKind kind) {
        if (kind.perMember() != (member != null)) {
            throw new IllegalArgumentException(kind + (member == null ? " needs a member" : " has no member"));
        }
        if (member == null) {
            UUID known = programmeAccounts.get(kind);
            return known != null ? known : programmeAccount(kind);
        }
        UUID existing = memberAccount(member, kind);
        if (existing != null) {
            return existing;
        }
        em.createNativeQuery("insert into ledger_account (id, member_id, kind, balance) values (?1, ?2, ?3, 0) "
                        + "on conflict do nothing")
                .setParameter(1, UUID.randomUUID()).setParameter(2, member).setParameter(3, kind.name())
                .executeUpdate();
        return memberAccount(member, kind);
    }

    private UUID memberAccount(UUID member, AccountKind kind) {
        List<?> found = em.createNativeQuery("select id from ledger_account where member_id = ?1 and kind = ?2")
                .setParameter(1, member).setParameter(2, kind.name()).getResultList();
        return found.isEmpty() ? null : (UUID) found.get(0);
    }

    /**
     * The programme's accounts are made by migration V11 and never change, so their ids are kept
     * once read. One made here (a kind added since) is not kept until a later transaction reads it
     * committed: this one may still roll back.
     */
    private UUID programmeAccount(AccountKind kind) {
        List<?> committed = em.createNativeQuery("select id from ledger_account where member_id is null and kind = ?1")
                .setParameter(1, kind.name()).getResultList();
        if (!committed.isEmpty()) {
            UUID id = (UUID) committed.get(0);
            programmeAccounts.put(kind, id);
            return id;
        }
        em.createNativeQuery("insert into ledger_account (id, member_id, kind, balance) values (?1, null, ?2, null) "
                        + "on conflict do nothing")
                .setParameter(1, UUID.randomUUID()).setParameter(2, kind.name()).executeUpdate();
        return (UUID) em.createNativeQuery("select id from ledger_account where member_id is null and kind = ?1")
                .setParameter(1, kind.name()).getSingleResult();
    }
}
