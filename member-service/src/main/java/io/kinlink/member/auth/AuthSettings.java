package io.kinlink.member.auth;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kinlink.auth")
public interface AuthSettings {

    /**
     * The private key (RSA, PKCS#8, base64; env KINLINK_AUTH_SIGNING_KEY) that signs access tokens;
     * the gateway verifies them with the public half. A secret.
     */
    String signingKey();

    /** How long an access token is good for. */
    @WithDefault("PT15M")
    Duration accessTokenLifetime();

    BootstrapAdmin bootstrapAdmin();

    /**
     * The first administrator, made at start when no operator exists yet (env
     * KINLINK_AUTH_BOOTSTRAP_ADMIN_USERNAME / _PASSWORD); ignored once there is one.
     */
    interface BootstrapAdmin {

        Optional<String> username();

        Optional<String> password();
    }
}
