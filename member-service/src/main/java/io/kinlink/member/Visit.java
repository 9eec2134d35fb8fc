package io.kinlink.member;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A check-in at a branch, recorded once per partner visit id. */
@Entity
@Table(name = "visit")
public class Visit extends PartnerRecord {

    @Column(name = "external_visit_id")
    private String externalVisitId;
    private String branch;

    protected Visit() {
    }

    public Visit(UUID memberId, String externalVisitId, String branch, Instant occurredAt, Instant recordedAt,
                 String requestFingerprint) {
        super(memberId, occurredAt, recordedAt, requestFingerprint);
        this.externalVisitId = externalVisitId;
        this.branch = branch;
    }

    public String externalVisitId() {
        return externalVisitId;
    }

    public String branch() {
        return branch;
    }
}
