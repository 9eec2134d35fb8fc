package io.kinlink.gateway;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * RSA key pairs per test JVM, by name ("gateway" signs forwarded identities, "auth" access
 * tokens), kept in system properties because Quarkus loads test classes twice.
 */
final class TestKeys {

    private TestKeys() {
    }

    static String privateKey() {
        return privateKey("gateway");
    }

    static String publicKey() {
        return publicKey("gateway");
    }

    static synchronized String privateKey(String name) {
        ensure(name);
        return System.getProperty("kinlink.test." + name + "-private");
    }

    static synchronized String publicKey(String name) {
        ensure(name);
        return System.getProperty("kinlink.test." + name + "-public");
    }

    static PrivateKey signingKey(String name) throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getDecoder().decode(privateKey(name))));
    }

    private static void ensure(String name) {
        if (System.getProperty("kinlink.test." + name + "-private") != null) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            System.setProperty("kinlink.test." + name + "-public",
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            System.setProperty("kinlink.test." + name + "-private",
                    Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
