package io.kinlink.rewards.ledger;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "ledger_account")
public class LedgerAccount {

    @Id
    private UUID id;
    @Column(name = "member_id")
    private UUID memberId;
    @Enumerated(EnumType.STRING)
    private AccountKind kind;
    /**
     * Cache of the sum of this account's entries, updated with them. Null for program accounts:
     * every posting touches them, and a cached balance there would serialize all postings.
     */
    private Long balance;

    protected LedgerAccount() {
    }

    public UUID id() {
        return id;
    }

    public UUID memberId() {
        return memberId;
    }

    public AccountKind kind() {
        return kind;
    }

    public Long balance() {
        return balance;
    }
}
