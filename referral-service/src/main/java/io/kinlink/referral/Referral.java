package io.kinlink.referral;

import java.time.Duration;
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
    @Column(name = "qualifying_purchase_id")
    private UUID qualifyingPurchaseId;
    @Column(name = "qualified_at")
    private Instant qualifiedAt;
    @Column(name = "reversed_at")
    private Instant reversedAt;

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

    /**
     * Whether a purchase qualifies this referral: the referee's first purchase at or above the
     * minimum, made within the window after attribution, while the referral still waits for one.
     */
    public boolean qualifiesBy(long amountFen, Instant purchasedAt, long minimumFen, Duration window) {
        return status == ReferralStatus.REGISTERED && amountFen >= minimumFen
                && !purchasedAt.isAfter(attributedAt.plus(window));
    }

    public void qualify(UUID purchaseId, Instant at) {
        status = ReferralStatus.QUALIFIED;
        qualifyingPurchaseId = purchaseId;
        qualifiedAt = at;
    }

    /** Undone by a full refund of the purchase that qualified it. */
    public boolean reversedBy(UUID refundedPurchaseId, boolean fullyRefunded) {
        return status == ReferralStatus.QUALIFIED && fullyRefunded && refundedPurchaseId.equals(qualifyingPurchaseId);
    }

    public void reverse(Instant at) {
        status = ReferralStatus.REVERSED;
        reversedAt = at;
    }

    public UUID qualifyingPurchaseId() {
        return qualifyingPurchaseId;
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
