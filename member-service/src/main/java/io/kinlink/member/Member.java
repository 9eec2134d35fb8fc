package io.kinlink.member;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongFunction;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A customer of the clinic group. The phone number is personal data: stored only encrypted,
 * with a keyed hash for uniqueness and lookup (see {@code PhoneProtector}).
 */
@Entity
@Table(name = "member")
public class Member {

    @Id
    private UUID id;
    private String name;
    @Column(name = "phone_ciphertext")
    private byte[] phoneCiphertext;
    @Column(name = "phone_hash")
    private String phoneHash;
    private String branch;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Column(name = "referral_code")
    private String referralCode;
    @Column(name = "device_id")
    private String deviceId;
    @Column(name = "referral_click_id")
    private UUID referralClickId;
    @Column(name = "marketing_consent")
    private boolean marketingConsent;
    @Column(name = "consent_given_at")
    private Instant consentGivenAt;
    @Enumerated(EnumType.STRING)
    private MemberStatus status;
    @Column(name = "registered_at")
    private Instant registeredAt;
    @Column(name = "net_spend_fen")
    private long netSpendFen;
    @Enumerated(EnumType.STRING)
    private Tier tier = Tier.NONE;
    @Column(name = "first_purchase_at")
    private Instant firstPurchaseAt;
    @Column(name = "last_visit_at")
    private Instant lastVisitAt;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "needs_tags")
    private String[] needsTags = new String[0];
    @Column(name = "suspended_at")
    private Instant suspendedAt;
    @Column(name = "erased_at")
    private Instant erasedAt;

    protected Member() {
    }

    public static Member register(NewMember details, byte[] phoneCiphertext, String phoneHash, Instant now) {
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.name = details.name();
        member.phoneCiphertext = phoneCiphertext;
        member.phoneHash = phoneHash;
        member.branch = details.branch();
        member.channel = details.channel();
        member.referralCode = details.referralCode();
        member.deviceId = details.deviceId();
        member.referralClickId = details.referralClickId();
        member.marketingConsent = details.marketingConsent();
        member.consentGivenAt = details.marketingConsent() ? now : null;
        member.status = MemberStatus.ACTIVE;
        member.registeredAt = now;
        return member;
    }

    /** The name as others may see it: the first character, then stars that hide even the length ("王**"). */
    public String maskedName() {
        if (status == MemberStatus.ERASED) {
            return "**";
        }
        return name.substring(0, name.offsetByCodePoints(0, 1)) + "**";
    }

    public boolean canRecordActivity() {
        return status == MemberStatus.ACTIVE;
    }

    /**
     * Adds a purchase (positive) or a refund (negative) to the cumulative net spend and moves the
     * tier with it, down as well as up. Returns the tier before, when it changed.
     *
     * @param tierFor the tier of a cumulative net spend, by the configured thresholds
     */
    public Optional<Tier> addNetSpend(long deltaFen, Instant occurredAt, LongFunction<Tier> tierFor) {
        netSpendFen += deltaFen;
        if (deltaFen > 0 && (firstPurchaseAt == null || occurredAt.isBefore(firstPurchaseAt))) {
            firstPurchaseAt = occurredAt;
        }
        Tier before = tier;
        tier = tierFor.apply(netSpendFen);
        return before == tier ? Optional.empty() : Optional.of(before);
    }

    public void recordVisit(Instant occurredAt) {
        if (lastVisitAt == null || occurredAt.isAfter(lastVisitAt)) {
            lastVisitAt = occurredAt;
        }
    }

    /** Changes what the member may change about themselves; consent keeps the time it was given. */
    public void updateProfile(String newName, String newBranch, Boolean consent, Instant now) {
        requireNotErased();
        if (newName != null) {
            name = newName;
        }
        if (newBranch != null) {
            branch = newBranch;
        }
        if (consent != null && consent != marketingConsent) {
            marketingConsent = consent;
            consentGivenAt = consent ? now : null;
        }
    }

    public void replaceNeedsTags(Collection<String> tags) {
        requireNotErased();
        needsTags = tags.stream().sorted().distinct().toArray(String[]::new);
    }

    public void suspend(Instant now) {
        requireNotErased();
        status = MemberStatus.SUSPENDED;
        suspendedAt = now;
    }

    public void reinstate() {
        requireNotErased();
        status = MemberStatus.ACTIVE;
        suspendedAt = null;
    }

    /**
     * Removes the personal data for good: name, phone, device. The id stays, and with it the
     * purchases, referrals and every ledger entry that point to it.
     */
    public void erase(Instant now) {
        name = "erased";
        phoneCiphertext = null;
        phoneHash = "erased:" + id;
        deviceId = null;
        marketingConsent = false;
        consentGivenAt = null;
        needsTags = new String[0];
        status = MemberStatus.ERASED;
        erasedAt = now;
    }

    private void requireNotErased() {
        if (status == MemberStatus.ERASED) {
            throw new IllegalStateException("Member " + id + " was erased");
        }
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public byte[] phoneCiphertext() {
        return phoneCiphertext;
    }

    public String phoneHash() {
        return phoneHash;
    }

    public String branch() {
        return branch;
    }

    public Channel channel() {
        return channel;
    }

    public String referralCode() {
        return referralCode;
    }

    public String deviceId() {
        return deviceId;
    }

    public UUID referralClickId() {
        return referralClickId;
    }

    public boolean marketingConsent() {
        return marketingConsent;
    }

    public Instant consentGivenAt() {
        return consentGivenAt;
    }

    public MemberStatus status() {
        return status;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public long netSpendFen() {
        return netSpendFen;
    }

    public Tier tier() {
        return tier;
    }

    public Optional<Instant> firstPurchaseAt() {
        return Optional.ofNullable(firstPurchaseAt);
    }

    public Optional<Instant> lastVisitAt() {
        return Optional.ofNullable(lastVisitAt);
    }

    public List<String> needsTags() {
        return List.of(needsTags);
    }
}
