package io.kinlink.member.pii;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
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
        this.lookupKey = new SecretKeySpec(decodeKey(settings.lookupKey(), "lookup-key"), "HmacSHA256");
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

    static byte[] decodeKey(String base64, String name) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("kinlink.pii." + name + " is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("kinlink.pii." + name + " must be 32 bytes, base64-encoded");
        }
        return key;
    }
}
