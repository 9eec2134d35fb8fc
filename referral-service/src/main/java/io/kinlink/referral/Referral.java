package io.kinlink.referral;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Who brought whom: one per referred member, created when the referee registers. */
@Entity
@Table(name = "referral")
public class Referral {

    @Id
    private UUID id;
    @Column(name = "referrer_id")
    private UUID referrerId;
    @Column(name = "referee_id")
    private UUID refereeId;
    private String code;
    @Enumerated(EnumType.STRING)
    private ReferralStatus status;
    @Column(name = "attributed_at")
    private Instant attributedAt;

    protected Referral() {
    }

    public Referral(UUID referrerId, UUID refereeId, String code, Instant attributedAt) {
        this.id = UUID.randomUUID();
        this.referrerId = referrerId;
        this.refereeId = refereeId;
        this.code = code;
        this.status = ReferralStatus.REGISTERED;
        this.attributedAt = attributedAt;
    }

    public UUID id() {
        return id;
    }

    public UUID referrerId() {
        return referrerId;
    }

    public UUID refereeId() {
        return refereeId;
    }

    public String code() {
        return code;
    }

    public ReferralStatus status() {
        return status;
    }

    public Instant attributedAt() {
        return attributedAt;
    }
}
