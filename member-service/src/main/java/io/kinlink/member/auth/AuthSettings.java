package io.kinlink.member.auth;

import java.net.URI;
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

    /** How long a member's refresh token is good for; each use gives a new one. */
    @WithDefault("P30D")
    Duration refreshTokenLifetime();

    /**
     * How long after logging in an operator's token may still be renewed (the console renews it
     * while the operator works; an idle console ends with its token).
     */
    @WithDefault("PT10H")
    Duration operatorSessionLimit();

    BootstrapAdmin bootstrapAdmin();

    LoginCodes loginCodes();

    /** Members' one-time login codes. */
    interface LoginCodes {

        /** How long a code may be used. */
        @WithDefault("PT5M")
        Duration validity();

        /** Wrong guesses allowed before the code is spent and a new one must be asked for. */
        @WithDefault("5")
        int maxAttempts();

        /** The least time between two codes for one phone. */
        @WithDefault("PT60S")
        Duration resendAfter();

        /** Codes per phone per hour. */
        @WithDefault("5")
        int perPhonePerHour();

        /** Codes asked for from one client address per hour. */
        @WithDefault("20")
        int perAddressPerHour();

        /**
         * How codes reach members: {@code http} (an SMS gateway) or {@code log} (the service's log:
         * only for the local stack and tests). No default, so that no deployment writes codes to its
         * log by forgetting to choose.
         */
        String sender();

        /** The SMS gateway for {@code sender=http}: it receives {@code {"to": ..., "text": ...}} as JSON. */
        Optional<URI> smsUrl();

        /** Bearer token for the SMS gateway (env KINLINK_AUTH_LOGIN_CODES_SMS_TOKEN). A secret. */
        Optional<String> smsToken();
    }

    /**
     * The first administrator, made at start when no operator exists yet (env
     * KINLINK_AUTH_BOOTSTRAP_ADMIN_USERNAME / _PASSWORD); ignored once there is one.
     */
    interface BootstrapAdmin {

        Optional<String> username();

        Optional<String> password();
    }
}
