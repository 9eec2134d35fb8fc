package io.kinlink.member.pii;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Encrypts phone numbers at rest ({@link AtRestCipher}) and derives the keyed lookup hash that
 * makes them unique and findable.
 */
@ApplicationScoped
public class PhoneProtector {

    private final AtRestCipher cipher;
    private final SecretKeySpec lookupKey;

    public PhoneProtector(AtRestCipher cipher, PiiSettings settings) {
        this.cipher = cipher;
        this.lookupKey = new SecretKeySpec(AtRestCipher.decodeKey(settings.lookupKey(), "lookup-key"), "HmacSHA256");
    }

    public byte[] encrypt(String e164) {
        return cipher.encrypt(e164);
    }

    public String decrypt(byte[] stored) {
        return cipher.decrypt(stored);
    }

    /** The keyed hash of a normalized number: equal numbers give equal hashes, nothing else does. */
    public String lookupHash(String e164) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookupKey);
            return HexFormat.of().formatHex(mac.doFinal(e164.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not hash a phone number", e);
        }
    }
}
