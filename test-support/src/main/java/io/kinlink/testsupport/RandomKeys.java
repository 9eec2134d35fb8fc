package io.kinlink.testsupport;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** Keys made for one test run or one local data folder, so no key ever lives in the repository. */
public final class RandomKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomKeys() {
    }

    /** 32 random bytes, base64: an AES-256 or HMAC-SHA256 key. */
    public static String key() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The secrets the services need, as environment variables, freshly made. */
    public static Map<String, String> serviceSecrets() {
        return Map.of("KINLINK_PII_ENCRYPTION_KEY", key(), "KINLINK_PII_LOOKUP_KEY", key(),
                "KINLINK_REFERRAL_CLICK_HASH_KEY", key());
    }
}
