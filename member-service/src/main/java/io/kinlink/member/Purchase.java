package io.kinlink.member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/**
 * A purchase a partner recorded for a member. The partner's own transaction id makes recording
 * idempotent: the same id again is the same purchase, never a second one.
 */
@Entity
@Table(name = "purchase")
public class Purchase extends PartnerRecord {

    @Column(name = "external_transaction_id")
    private String externalTransactionId;
    @Column(name = "amount_fen")
    private long amountFen;
    private String branch;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "purchase_item", joinColumns = @JoinColumn(name = "purchase_id"))
    @OrderColumn(name = "line")
    private List<PurchaseItem> items = new ArrayList<>();

    protected Purchase() {
    }

    public Purchase(UUID memberId, String externalTransactionId, long amountFen, String branch, Instant occurredAt,
                    Instant recordedAt, String requestFingerprint, List<PurchaseItem> items) {
        super(memberId, occurredAt, recordedAt, requestFingerprint);
        this.items = new ArrayList<>(items);
        this.externalTransactionId = externalTransactionId;
        this.amountFen = amountFen;
        this.branch = branch;
    }

    public String externalTransactionId() {
        return externalTransactionId;
    }

    public long amountFen() {
        return amountFen;
    }

    public String branch() {
        return branch;
    }

    public List<PurchaseItem> items() {
        return List.copyOf(items);
    }

    public List<String> categories() {
        return items.stream().map(PurchaseItem::category).distinct().sorted().toList();
    }
}
