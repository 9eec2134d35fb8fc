package io.kinlink.member;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A check-in at a branch, recorded once per partner visit id. */
@Entity
@Table(name = "visit")
public class Visit {

    @Id
    private UUID id;
    @Column(name = "member_id")
    private UUID memberId;
    @Column(name = "external_visit_id")
    private String externalVisitId;
    private String branch;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    @Column(name = "request_fingerprint")
    private String requestFingerprint;

    protected Visit() {
    }

    public Visit(UUID memberId, String externalVisitId, String branch, Instant occurredAt, Instant recordedAt,
                 String requestFingerprint) {
        this.id = UUID.randomUUID();
        this.memberId = memberId;
        this.externalVisitId = externalVisitId;
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

    public String externalVisitId() {
        return externalVisitId;
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
}
