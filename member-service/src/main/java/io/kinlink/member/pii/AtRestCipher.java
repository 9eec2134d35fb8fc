package io.kinlink.member.pii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Encrypts what must be read back but never stored in clear (phone numbers, webhook signing
 * secrets): AES-256-GCM with {@code kinlink.pii.encryption-key}, a fresh nonce each time, the
 * first byte naming the key version.
 */
@ApplicationScoped
public class AtRestCipher {

    private static final byte KEY_VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecureRandom random = new SecureRandom();

    public AtRestCipher(PiiSettings settings) {
        this.encryptionKey = new SecretKeySpec(decodeKey(settings.encryptionKey(), "encryption-key"), "AES");
    }

    public byte[] encrypt(String clear) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(new byte[] {KEY_VERSION});
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(KEY_VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt", e);
        }
    }

    public String decrypt(byte[] stored) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(stored);
            byte version = buffer.get();
            if (version != KEY_VERSION) {
                throw new IllegalStateException("Unknown key version " + version);
            }
            byte[] nonce = new byte[NONCE_BYTES];
            buffer.get(nonce);
            byte[] sealed = new byte[buffer.remaining()];
            buffer.get(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(new byte[] {version});
            return new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt", e);
        }
    }

    /** A key of {@code kinlink.pii.<name>}: base64 of exactly 32 bytes, or the service does not start. */
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
