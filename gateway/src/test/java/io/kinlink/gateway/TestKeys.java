package io.kinlink.gateway;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** One RSA key pair per test JVM for the gateway's signing key, kept in system properties (Quarkus loads test classes twice). */
final class TestKeys {

    private TestKeys() {
    }

    static synchronized String privateKey() {
        ensure();
        return System.getProperty("kinlink.test.gateway-private");
    }

    static synchronized String publicKey() {
        ensure();
        return System.getProperty("kinlink.test.gateway-public");
    }

    private static void ensure() {
        if (System.getProperty("kinlink.test.gateway-private") != null) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            System.setProperty("kinlink.test.gateway-public", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            System.setProperty("kinlink.test.gateway-private", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
