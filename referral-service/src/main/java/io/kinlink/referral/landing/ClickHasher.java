package io.kinlink.referral.landing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.kinlink.referral.config.ReferralSettings;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a clicker's IP address into a keyed hash. A plain hash of an IPv4 address is reversed by
 * trying all four billion; without the key, this one is not.
 */
@ApplicationScoped
public class ClickHasher {

    private final SecretKeySpec key;

    public ClickHasher(ReferralSettings settings) {
        byte[] bytes = Base64.getDecoder().decode(settings.clickHashKey());
        if (bytes.length < 32) {
            throw new IllegalStateException("kinlink.referral.click-hash-key must be at least 32 bytes, base64");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    public String hash(String ipAddress) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(ipAddress.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
