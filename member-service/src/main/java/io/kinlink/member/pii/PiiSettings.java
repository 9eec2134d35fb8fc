package io.kinlink.member.pii;

import io.smallrye.config.ConfigMapping;

/**
 * Keys protecting personal data, base64 of 32 random bytes each. They come from the
 * environment or a Kubernetes Secret, never from the repository; the service does not start
 * without them.
 */
@ConfigMapping(prefix = "kinlink.pii")
public interface PiiSettings {

    /** AES-256-GCM key that encrypts phone numbers at rest. */
    String encryptionKey();

    /** HMAC-SHA256 key for the phone lookup hash (a plain hash of a phone number is easy to reverse). */
    String lookupKey();
}
