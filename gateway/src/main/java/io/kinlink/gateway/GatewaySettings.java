package io.kinlink.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kinlink.gateway")
public interface GatewaySettings {

    /** Base URL of each service by name: member, referral, rewards. */
    Map<String, URI> services();

    /** How long a service may take to answer before the caller gets 504. */
    @WithDefault("10s")
    Duration timeout();

    /** How long connecting to a service may take before the caller gets 503. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** A console login with less than this to live is renewed on the operator's next call. */
    @WithDefault("5m")
    Duration consoleRenewBefore();

    /**
     * How long a partner key's check by the member service is reused (per key and member asked
     * about): a revoked key is refused within this. Zero asks on every request.
     */
    @WithDefault("1s")
    Duration partnerKeyReuse();

    /**
     * Whether the partner keys' rates and the login and registration limits are shared by every
     * gateway replica (tokens leased from the member service's buckets) or counted by each replica
     * alone. Off only where one gateway runs; the share-link and general limits are always each
     * replica's own (flood guards, not promises).
     */
    @WithDefault("true")
    boolean sharedRateLimits();

    /** Larger request bodies are refused with 413. */
    @WithDefault("65536")
    long maxBodyBytes();

    /** Longer URLs (path and query) are refused with 414. */
    @WithDefault("8192")
    int maxUrlLength();

    /** Requests whose headers together pass this size are refused with 431. */
    @WithDefault("16384")
    int maxHeaderBytes();

    /**
     * The gateway's private key (RSA, PKCS#8, base64 without PEM lines; env KINLINK_GATEWAY_SIGNING_KEY):
     * it signs the identity forwarded to the services, which hold only the public half. A secret.
     */
    String signingKey();

    /**
     * The public half of the key that signs access tokens (the member service's; RSA, X.509,
     * base64; env KINLINK_GATEWAY_AUTH_PUBLIC_KEY): a caller's bearer token must verify with it.
     */
    String authPublicKey();

    /** Origins of the member app allowed to call the API from a browser (CORS); none by default. */
    Optional<List<String>> corsOrigins();

    /** Addresses of the proxies in front of the gateway whose X-Forwarded-For is believed. */
    Optional<List<String>> trustedProxies();

    /**
     * Rate limits per client address, by policy: {@code landing} (share links), {@code registration},
     * {@code login}, {@code general}; a policy without an entry is not limited.
     */
    Map<String, Limit> rateLimits();

    interface Limit {

        /** Sustained requests per minute. */
        int perMinute();

        /** Requests allowed at once before the sustained rate applies. */
        int burst();
    }
}
