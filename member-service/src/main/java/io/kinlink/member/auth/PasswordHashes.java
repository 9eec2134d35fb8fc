package io.kinlink.member.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes, stored as {@code pbkdf2$iterations$salt$hash}, at
 * OWASP's current work factor for it (600,000 iterations). A hash made with fewer still verifies,
 * and is made anew at the account's next login, when the password is at hand.
 */
final class PasswordHashes {

    static final int ITERATIONS = 600_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Checked against when the user is unknown, so a wrong name takes as long as a wrong password. */
    static final String DECOY = hash("decoy-password-for-unknown-users");

    private PasswordHashes() {
    }

    static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2$" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(password, salt, ITERATIONS));
    }

    /** Compares in constant time. */
    static boolean matches(String password, String stored) {
        String[] parts = stored.split("\\$");
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = derive(password, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether a stored hash is below the current work factor, so to be made anew once the password is known. */
    static boolean outdated(String stored) {
        String[] parts = stored.split("\\$");
        return !parts[0].equals("pbkdf2") || Integer.parseInt(parts[1]) < ITERATIONS;
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
