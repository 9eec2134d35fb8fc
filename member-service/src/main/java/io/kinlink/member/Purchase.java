package io.kinlink.member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A purchase a partner recorded for a member. The partner's own transaction id makes recording
 * idempotent: the same id again is the same purchase, never a second one.
 */
@Entity
@Table(name = "purchase")
public class Purchase {

    @Id
    private UUID id;
    @Column(name = "member_id")
    private UUID memberId;
    @Column(name = "external_transaction_id")
    private String externalTransactionId;
    @Column(name = "amount_fen")
    private long amountFen;
    private String branch;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    /** Identifies the content of the request, to tell an honest retry from a conflicting reuse of the id. */
    @Column(name = "request_fingerprint")
    private String requestFingerprint;
    @ElementCollection(fetch = jakarta.persistence.FetchType.EAGER)
    @CollectionTable(name = "purchase_item", joinColumns = @JoinColumn(name = "purchase_id"))
    @OrderColumn(name = "line")
    private List<PurchaseItem> items = new ArrayList<>();

    protected Purchase() {
    }

    public Purchase(UUID memberId, String externalTransactionId, long amountFen, String branch, Instant occurredAt,
                    Instant recordedAt, String requestFingerprint, List<PurchaseItem> items) {
        this.items = new ArrayList<>(items);
        this.id = UUID.randomUUID();
        this.memberId = memberId;
        this.externalTransactionId = externalTransactionId;
        this.amountFen = amountFen;
        this.branch = branch;
        this.occurredAt = occurredAt;
        this.recordedAt = recordedAt;
        this.requestFingerprint = requestFingerprint;
    }

    public boolean sameRequestAs(String fingerprint) {
        return requestFingerprint.equals(fingerprint);
    }

    public UUID id() {
        return id;
    }

    public UUID memberId() {
        return memberId;
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

    public Instant occurredAt() {
        return occurredAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String requestFingerprint() {
        return requestFingerprint;
    }

    public List<PurchaseItem> items() {
        return List.copyOf(items);
    }

    public List<String> categories() {
        return items.stream().map(PurchaseItem::category).distinct().sorted().toList();
    }
}
