package io.kinlink.testsupport;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
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

    /** Environment variable of the gateway's private key: only the gateway may receive it. */
    public static final String GATEWAY_SIGNING_KEY = "KINLINK_GATEWAY_SIGNING_KEY";
    /** Environment variable of the matching public key, which the services verify the gateway's tokens with. */
    public static final String GATEWAY_PUBLIC_KEY = "MP_JWT_VERIFY_PUBLICKEY";

    /** Environment variable of the key that signs operators' access tokens: only the member service may receive it. */
    public static final String AUTH_SIGNING_KEY = "KINLINK_AUTH_SIGNING_KEY";
    /** Environment variable of its public half, with which the gateway checks access tokens. */
    public static final String AUTH_PUBLIC_KEY = "KINLINK_GATEWAY_AUTH_PUBLIC_KEY";
    public static final String ADMIN_USERNAME = "KINLINK_AUTH_BOOTSTRAP_ADMIN_USERNAME";
    public static final String ADMIN_PASSWORD = "KINLINK_AUTH_BOOTSTRAP_ADMIN_PASSWORD";

    /** The secrets the platform needs, as environment variables, freshly made. */
    public static Map<String, String> serviceSecrets() {
        String[] gatewayKeys = rsaKeyPair();
        String[] authKeys = rsaKeyPair();
        return Map.of("KINLINK_PII_ENCRYPTION_KEY", key(), "KINLINK_PII_LOOKUP_KEY", key(),
                "KINLINK_REFERRAL_CLICK_HASH_KEY", key(),
                GATEWAY_SIGNING_KEY, gatewayKeys[0], GATEWAY_PUBLIC_KEY, gatewayKeys[1],
                AUTH_SIGNING_KEY, authKeys[0], AUTH_PUBLIC_KEY, authKeys[1],
                ADMIN_USERNAME, "admin", ADMIN_PASSWORD, password());
    }

    /** 24 random characters without look-alikes: a first administrator's password. */
    public static String password() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
        StringBuilder password = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    /** An RSA 2048 key pair: the private key (PKCS#8) and the public key (X.509), each base64 without PEM lines. */
    public static String[] rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            KeyPair pair = generator.generateKeyPair();
            return new String[] {Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())};
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
