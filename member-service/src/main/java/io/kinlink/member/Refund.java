package io.kinlink.member;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Money given back on a purchase, in full or in part; never more than what is left of it. */
@Entity
@Table(name = "refund")
public class Refund extends PartnerRecord {

    @Column(name = "purchase_id")
    private UUID purchaseId;
    @Column(name = "external_refund_id")
    private String externalRefundId;
    /** The purchase's branch: the till's refund ids are unique within it. */
    private String branch;
    @Column(name = "amount_fen")
    private long amountFen;
    private String reason;

    protected Refund() {
    }

    public Refund(Purchase purchase, String externalRefundId, long amountFen, String reason, Instant occurredAt,
                  Instant recordedAt, String requestFingerprint) {
        super(purchase.memberId(), occurredAt, recordedAt, requestFingerprint);
        this.purchaseId = purchase.id();
        this.externalRefundId = externalRefundId;
        this.branch = purchase.branch();
        this.amountFen = amountFen;
        this.reason = reason;
    }

    public UUID purchaseId() {
        return purchaseId;
    }

    public String externalRefundId() {
        return externalRefundId;
    }

    public String branch() {
        return branch;
    }

    public long amountFen() {
        return amountFen;
    }

    public String reason() {
        return reason;
    }
}
