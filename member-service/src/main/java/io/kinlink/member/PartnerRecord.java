package io.kinlink.member;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * What a partner records for a member (a purchase, a refund, a visit): when it happened, when we
 * recorded it, and a fingerprint of the request, which tells an honest retry of the partner's id
 * from a conflicting reuse of it.
 */
@MappedSuperclass
public abstract class PartnerRecord {

    @Id
    private UUID id;
    @Column(name = "member_id")
    private UUID memberId;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    @Column(name = "request_fingerprint")
    private String requestFingerprint;

    protected PartnerRecord() {
    }

    protected PartnerRecord(UUID memberId, Instant occurredAt, Instant recordedAt, String requestFingerprint) {
        this.id = UUID.randomUUID();
        this.memberId = memberId;
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

    public Instant occurredAt() {
        return occurredAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String requestFingerprint() {
        return requestFingerprint;
    }
}
