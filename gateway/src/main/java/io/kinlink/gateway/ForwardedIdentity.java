package io.kinlink.gateway;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.smallrye.jwt.build.Jwt;

/**
 * The identity the gateway forwards to a service: a short-lived RS256 token for issuer
 * {@code kinlink-gateway} and audience {@code kinlink-services}, which the services verify. A
 * caller's own Authorization header never reaches a service. Anonymous callers share one token
 * for half its minute; a logged-in caller gets one of their own.
 */
final class ForwardedIdentity {

    static final String ISSUER = "kinlink-gateway";
    static final String AUDIENCE = "kinlink-services";
    private static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final long REUSE_NANOS = Duration.ofSeconds(30).toNanos();

    private final PrivateKey key;
    private final AtomicReference<Minted> anonymous = new AtomicReference<>();
    private final AtomicReference<Minted> gateway = new AtomicReference<>();

    ForwardedIdentity(String signingKey) {
        try {
            this.key = KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(signingKey.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("kinlink.gateway.signing-key is not an RSA private key (PKCS#8, base64)", e);
        }
    }

    /** The token for a caller: the shared anonymous one, or one signed for this caller now. */
    String tokenFor(Callers.VerifiedCaller caller) {
        if (caller == Callers.ANONYMOUS) {
            return anonymousToken();
        }
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
        return reused(gateway, "gateway", "kinlink-gateway", "gateway");
    }

    String anonymousToken() {
        return reused(anonymous, "anonymous", "anonymous", "public");
    }

    /** A token of one of the gateway's fixed identities, signed anew once the last is half its life old. */
    private String reused(AtomicReference<Minted> cache, String kind, String subject, String group) {
        Minted current = cache.get();
        long now = System.nanoTime();
        if (current == null || now - current.at() > REUSE_NANOS) {
            current = new Minted(Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(Set.of(group))
                    .claim("kind", kind).expiresIn(LIFETIME).jws().sign(key), now);
            cache.set(current);
        }
        return current.token();
    }

    private record Minted(String token, long at) {
    }
}
