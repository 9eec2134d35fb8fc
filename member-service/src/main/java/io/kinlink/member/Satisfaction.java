package io.kinlink.member;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A member's score (1-5) for one visit or one purchase, with an optional complaint that stays
 * open until resolved: complainants whose complaint is resolved quickly mostly buy again.
 */
@Entity
@Table(name = "satisfaction")
public class Satisfaction {

    @Id
    private UUID id;
    @Column(name = "member_id")
    private UUID memberId;
    @Column(name = "visit_id")
    private UUID visitId;
    @Column(name = "purchase_id")
    private UUID purchaseId;
    private int score;
    private String complaint;
    @Column(name = "complaint_open")
    private boolean complaintOpen;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected Satisfaction() {
    }

    public Satisfaction(UUID memberId, UUID visitId, UUID purchaseId, int score, String complaint, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.memberId = memberId;
        this.visitId = visitId;
        this.purchaseId = purchaseId;
        this.score = score;
        this.complaint = complaint;
        this.complaintOpen = complaint != null;
        this.recordedAt = recordedAt;
    }

    public UUID id() {
        return id;
    }

    public UUID memberId() {
        return memberId;
    }

    public UUID visitId() {
        return visitId;
    }

    public UUID purchaseId() {
        return purchaseId;
    }

    public int score() {
        return score;
    }

    public String complaint() {
        return complaint;
    }

    public boolean complaintOpen() {
        return complaintOpen;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
