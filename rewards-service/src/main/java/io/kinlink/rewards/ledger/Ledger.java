package io.kinlink.rewards.ledger;

import java.time.Clock;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/**
 * Posts ledger transactions. The unique idempotency key is claimed first: a second posting of the
 * same cause, by a retry, a redelivery or a concurrent consumer, inserts nothing and moves nothing.
 */
@ApplicationScoped
public class Ledger {

    private final LedgerRepository repository;
    private final Clock clock;
    private final Event<Posted> posted;
    private final Map<AccountKind, UUID> programmeAccounts = new ConcurrentHashMap<>();

    public Ledger(LedgerRepository repository, Clock clock, Event<Posted> posted) {
        this.repository = repository;
        this.clock = clock;
        this.posted = posted;
    }

    /** The new transaction's id, or empty when this cause was posted before. */
    @Transactional(TxType.MANDATORY)
    public Optional<UUID> post(Posting posting) {
        UUID transactionId = UUID.randomUUID();
        if (!repository.claim(transactionId, posting, clock.instant())) {
            return Optional.empty();
        }
        for (Posting.Leg leg : posting.legs()) {
            UUID account = accountId(leg.member(), leg.account());
            repository.insertEntry(transactionId, account, leg.amount(), leg.availableAt());
            if (leg.account().perMember()) {
                repository.addToBalance(account, leg.amount());
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
        repository.lockMember(member);
    }

    /** The cached balance of a member account; 0 when it has no entries yet. */
    @Transactional(TxType.MANDATORY)
    public long balance(UUID member, AccountKind kind) {
        return repository.balance(member, kind);
    }

    private UUID accountId(UUID member, AccountKind kind) {
        if (kind.perMember() != (member != null)) {
            throw new IllegalArgumentException(kind + (member == null ? " needs a member" : " has no member"));
        }
        if (member == null) {
            UUID known = programmeAccounts.get(kind);
            return known != null ? known : programmeAccount(kind);
        }
        return repository.memberAccount(member, kind).orElseGet(() -> {
            repository.openMemberAccount(member, kind);
            return repository.memberAccount(member, kind).orElseThrow();
        });
    }

    /**
     * The programme's accounts are made by migration V11 and never change, so their ids are kept
     * once read. One made here (a kind added since) is not kept until a later transaction reads it
     * committed: this one may still roll back.
     */
    private UUID programmeAccount(AccountKind kind) {
        Optional<UUID> committed = repository.programmeAccount(kind);
        if (committed.isPresent()) {
            programmeAccounts.put(kind, committed.get());
            return committed.get();
        }
        repository.openProgrammeAccount(kind);
        return repository.programmeAccount(kind).orElseThrow();
    }
}
