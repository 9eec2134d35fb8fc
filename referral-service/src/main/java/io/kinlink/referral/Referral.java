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
    @Column(name = "click_id")
    private UUID clickId;
    private String campaign;
    @Column(name = "first_visit_at")
    private Instant firstVisitAt;
    @Column(name = "first_purchase_at")
    private Instant firstPurchaseAt;

    protected Referral() {
    }

    /** @param click the landing-page click the referee came from, or null; its campaign carries over */
    public Referral(UUID referrerId, UUID refereeId, String code, LinkClick click, Instant attributedAt) {
        this.id = UUID.randomUUID();
        this.referrerId = referrerId;
        this.refereeId = refereeId;
        this.code = code;
        this.clickId = click == null ? null : click.id();
        this.campaign = click == null ? null : click.campaign();
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

    /** Funnel step: the referee's first check-in, kept at the earliest one seen. */
    public void recordVisit(Instant at) {
        if (firstVisitAt == null || at.isBefore(firstVisitAt)) {
            firstVisitAt = at;
        }
    }

    /** Funnel step: the referee's first purchase of any amount. */
    public void recordPurchase(Instant at) {
        if (firstPurchaseAt == null || at.isBefore(firstPurchaseAt)) {
            firstPurchaseAt = at;
        }
    }

    public Instant qualifiedAt() {
        return qualifiedAt;
    }

    public String campaign() {
        return campaign;
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
