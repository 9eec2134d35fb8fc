package io.kinlink.referral;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A refused attribution and its reason, kept for operators to review. */
@Entity
@Table(name = "attribution_rejection")
public class AttributionRejection {

    @Id
    private UUID id;
    @Column(name = "referee_id")
    private UUID refereeId;
    private String code;
    @Column(name = "click_id")
    private UUID clickId;
    @Enumerated(EnumType.STRING)
    private RejectionReason reason;
    @Column(name = "rejected_at")
    private Instant rejectedAt;

    protected AttributionRejection() {
    }

    public AttributionRejection(UUID refereeId, String code, UUID clickId, RejectionReason reason,
                                Instant rejectedAt) {
        this.id = UUID.randomUUID();
        this.refereeId = refereeId;
        this.code = code;
        this.clickId = clickId;
        this.reason = reason;
        this.rejectedAt = rejectedAt;
    }

    public UUID refereeId() {
        return refereeId;
    }

    public String code() {
        return code;
    }

    public UUID clickId() {
        return clickId;
    }

    public RejectionReason reason() {
        return reason;
    }

    public Instant rejectedAt() {
        return rejectedAt;
    }
}
