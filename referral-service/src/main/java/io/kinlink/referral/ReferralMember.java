package io.kinlink.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A member and the referrers above them. The chain is stored on the row up to three levels,
 * the ceiling for distribution schemes; it is fixed when the member is attributed and never
 * changes afterwards, because a referrer, once set, is final.
 */
@Entity
@Table(name = "referral_member")
public class ReferralMember {

    /** Three levels is the legal ceiling for multi-level rebates in China; configuration may only lower it. */
    public static final int MAX_CHAIN_DEPTH = 3;

    @Id
    @Column(name = "member_id")
    private UUID memberId;
    @Column(name = "masked_name")
    private String maskedName;
    @Column(name = "phone_hash")
    private String phoneHash;
    @Column(name = "device_id")
    private String deviceId;
    private String branch;
    @Column(name = "registered_at")
    private Instant registeredAt;
    @Column(name = "referrer_l1")
    private UUID referrerL1;
    @Column(name = "referrer_l2")
    private UUID referrerL2;
    @Column(name = "referrer_l3")
    private UUID referrerL3;
    private boolean suspended;

    protected ReferralMember() {
    }

    public ReferralMember(UUID memberId, String maskedName, String phoneHash, String deviceId, String branch,
                          Instant registeredAt) {
        this.memberId = memberId;
        this.maskedName = maskedName;
        this.phoneHash = phoneHash;
        this.deviceId = deviceId;
        this.branch = branch;
        this.registeredAt = registeredAt;
    }

    /** Why this member may not be attributed to {@code referrer}, if anything forbids it. */
    public Optional<RejectionReason> refusalToBeReferredBy(ReferralMember referrer) {
        if (referrer.memberId.equals(memberId)) {
            return Optional.of(RejectionReason.SELF_REFERRAL);
        }
        if (referrer.phoneHash.equals(phoneHash)) {
            return Optional.of(RejectionReason.SAME_PHONE);
        }
        if (deviceId != null && deviceId.equals(referrer.deviceId)) {
            return Optional.of(RejectionReason.SAME_DEVICE);
        }
        if (referrer.suspended) {
            return Optional.of(RejectionReason.REFERRER_SUSPENDED);
        }
        if (referrerL1 != null) {
            return Optional.of(RejectionReason.ALREADY_REFERRED);
        }
        if (referrer.chain(MAX_CHAIN_DEPTH).contains(memberId)) {
            return Optional.of(RejectionReason.CYCLE);
        }
        return Optional.empty();
    }

    /** Fixes the referrer; the levels above come from the referrer's own chain. */
    public void attributeTo(ReferralMember referrer) {
        if (refusalToBeReferredBy(referrer).isPresent()) {
            throw new IllegalStateException("Attribution refused: " + refusalToBeReferredBy(referrer).get());
        }
        referrerL1 = referrer.memberId;
        referrerL2 = referrer.referrerL1;
        referrerL3 = referrer.referrerL2;
    }

    /** Follows the member service: a suspended member's code stops attributing new friends. */
    public void applyStatus(String status) {
        switch (status) {
            case "SUSPENDED" -> suspended = true;
            case "ACTIVE" -> suspended = false;
            case "ERASED" -> erase();
            default -> { }
        }
    }

    /** Drops what identifies the person (masked name, phone hash, device); the chain and history stay. */
    private void erase() {
        maskedName = "**";
        phoneHash = "erased:" + memberId;
        deviceId = null;
        suspended = true;
    }

    /** The referrers above this member, direct referrer first, at most {@code depth} of them. */
    public List<UUID> chain(int depth) {
        List<UUID> chain = new ArrayList<>(MAX_CHAIN_DEPTH);
        for (UUID ancestor : new UUID[] {referrerL1, referrerL2, referrerL3}) {
            if (ancestor == null || chain.size() >= Math.min(depth, MAX_CHAIN_DEPTH)) {
                break;
            }
            chain.add(ancestor);
        }
        return chain;
    }

    public boolean isReferred() {
        return referrerL1 != null;
    }

    public UUID memberId() {
        return memberId;
    }

    public String maskedName() {
        return maskedName;
    }

    public String phoneHash() {
        return phoneHash;
    }

    public String branch() {
        return branch;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public boolean suspended() {
        return suspended;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReferralMember that && Objects.equals(memberId, that.memberId);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(memberId);
    }
}
