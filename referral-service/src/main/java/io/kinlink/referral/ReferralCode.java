package io.kinlink.referral;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A member's referral code: random, so no code can be derived from another or from a member id,
 * and written in an alphabet without look-alikes (no 0/O, 1/I/L), compared case-insensitively.
 */
@Entity
@Table(name = "referral_code")
public class ReferralCode {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 7;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private String code;
    @Column(name = "member_id")
    private UUID memberId;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ReferralCode() {
    }

    public ReferralCode(String code, UUID memberId, Instant createdAt) {
        this.code = code;
        this.memberId = memberId;
        this.createdAt = createdAt;
    }

    /** A fresh random code; about 27.5 billion are possible, so a collision is rare and simply retried. */
    public static String randomCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The canonical form of a code as a person typed it: upper case, no spaces. */
    public static String canonical(String typed) {
        return typed.strip().toUpperCase(Locale.ROOT);
    }

    /** Whether a canonical code could be one of ours at all: 6 to 8 characters of the alphabet. */
    public static boolean isWellFormed(String canonical) {
        if (canonical.length() < 6 || canonical.length() > 8) {
            return false;
        }
        return canonical.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    public String code() {
        return code;
    }

    public UUID memberId() {
        return memberId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
