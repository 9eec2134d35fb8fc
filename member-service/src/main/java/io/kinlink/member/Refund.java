package io.kinlink.member;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Money given back on a purchase, in full or in part; never more than what is left of it. */
@Entity
@Table(name = "refund")
public class Refund {

    @Id
    private UUID id;
    @Column(name = "purchase_id")
    private UUID purchaseId;
    @Column(name = "member_id")
    private UUID memberId;
    @Column(name = "external_refund_id")
    private String externalRefundId;
    @Column(name = "amount_fen")
    private long amountFen;
    private String reason;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    @Column(name = "request_fingerprint")
    private String requestFingerprint;

    protected Refund() {
    }

    public Refund(Purchase purchase, String externalRefundId, long amountFen, String reason, Instant occurredAt,
                  Instant recordedAt, String requestFingerprint) {
        this.id = UUID.randomUUID();
        this.purchaseId = purchase.id();
        this.memberId = purchase.memberId();
        this.externalRefundId = externalRefundId;
        this.amountFen = amountFen;
        this.reason = reason;
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

    public UUID purchaseId() {
        return purchaseId;
    }

    public UUID memberId() {
        return memberId;
    }

    public String externalRefundId() {
        return externalRefundId;
    }

    public long amountFen() {
        return amountFen;
    }

    public String reason() {
        return reason;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
