package io.kinlink.gateway;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.build.Jwt;

/**
 * The identity the gateway forwards to a service: a short-lived RS256 token for issuer
 * {@code kinlink-gateway} and audience {@code kinlink-services}, which the services verify. A
 * caller's own Authorization header never reaches a service. A token is reused for half its
 * minute by every request of the same caller with the same claims (signing costs far more than
 * forwarding), so anonymous callers share one.
 */
final class ForwardedIdentity {

    static final String ISSUER = "kinlink-gateway";
    static final String AUDIENCE = "kinlink-services";
    private static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final Duration REUSE = Duration.ofSeconds(30);
    private static final int MAX_CALLERS = 20_000;

    private static final Callers.VerifiedCaller GATEWAY = new Callers.VerifiedCaller("gateway", "kinlink-gateway",
            Set.of("gateway"), List.of(), null, 0, null);

    private final PrivateKey key;
    private final ReuseWindow<Callers.VerifiedCaller, String> tokens;

    ForwardedIdentity(String signingKey, MeterRegistry registry) {
        this.tokens = new ReuseWindow<>("gateway.signed-identities", REUSE, MAX_CALLERS, registry);
        try {
            this.key = KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(signingKey.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("kinlink.gateway.signing-key is not an RSA private key (PKCS#8, base64)", e);
        }
    }

    /** The token for a caller (its claims those of the caller's kind), signed within the last half minute. */
    String tokenFor(Callers.VerifiedCaller caller) {
        return tokens.get(caller, this::sign);
    }

    private String sign(Callers.VerifiedCaller caller) {
        var token = Jwt.issuer(ISSUER).audience(AUDIENCE).subject(caller.subject()).groups(caller.roles())
                .claim("kind", caller.kind());
        if (caller.name() != null) {
            token.claim("name", caller.name());
        }
        if ("partner".equals(caller.kind())) {
            token.claim("branches", caller.branches());
            if (caller.confirmedMember() != null) {
                token.claim("confirmed_member", caller.confirmedMember());
            }
        }
        return token.expiresIn(LIFETIME).jws().sign(key);
    }

    /** The gateway's own identity, for the member service's internal key checks. */
    String gatewayToken() {
        return tokenFor(GATEWAY);
    }

    String anonymousToken() {
        return tokenFor(Callers.ANONYMOUS);
    }
}
