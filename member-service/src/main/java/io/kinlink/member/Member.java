package io.kinlink.member;

import java.time.Instant;
import java.util.UUID;

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
    @Column(name = "marketing_consent")
    private boolean marketingConsent;
    @Column(name = "consent_given_at")
    private Instant consentGivenAt;
    @Enumerated(EnumType.STRING)
    private MemberStatus status;
    @Column(name = "registered_at")
    private Instant registeredAt;

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
        member.marketingConsent = details.marketingConsent();
        member.consentGivenAt = details.marketingConsent() ? now : null;
        member.status = MemberStatus.ACTIVE;
        member.registeredAt = now;
        return member;
    }

    /** The name as others may see it: the first character, then stars that hide even the length ("王**"). */
    public String maskedName() {
        return name.substring(0, name.offsetByCodePoints(0, 1)) + "**";
    }

    public boolean canRecordActivity() {
        return status == MemberStatus.ACTIVE;
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

    /** What a registration asks for, already validated and normalized. */
    public record NewMember(String name, String branch, Channel channel, String referralCode, String deviceId,
                            boolean marketingConsent) {
    }
}
