package io.kinlink.gateway;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Who is calling, by bearer token: nobody in particular (no Authorization header), or an operator
 * or member holding an access token that the member service signed (RS256 only, issuer
 * {@code kinlink-auth}, audience {@code kinlink-gateway}, not expired). Anything else is refused.
 * Partners' API keys are checked by {@link PartnerKeyCheck}.
 */
final class Callers {

    static final VerifiedCaller ANONYMOUS = new VerifiedCaller("anonymous", "anonymous", Set.of("public"), List.of(), null, 0, null);
    private static final Set<String> OPERATOR_ROLES = Set.of("operator", "admin");

    private final JwtConsumer consumer;

    Callers(String authPublicKey) {
        PublicKey key;
        try {
            key = KeyFactory.getInstance("RSA").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(authPublicKey.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("kinlink.gateway.auth-public-key is not an RSA public key (X.509, base64)", e);
        }
        this.consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(30)
                .setExpectedIssuer("kinlink-auth")
                .setExpectedAudience("kinlink-gateway")
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
                .build();
    }

    /** The caller of a request with this Authorization header (null: none given). */
    VerifiedCaller of(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return ANONYMOUS;
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new RefusedCredentials("Only bearer access tokens are accepted");
        }
        try {
            JwtClaims claims = consumer.processToClaims(authorization.substring(7).strip());
            Object kind = claims.getClaimValue("kind");
            if ("member".equals(kind)) {
                return new VerifiedCaller("member", claims.getSubject(), Set.of("member"), List.of(), null, 0, null);
            }
            if (!"operator".equals(kind)) {
                throw new RefusedCredentials("This kind of token is not accepted here");
            }
            Set<String> roles = new HashSet<>(Optional.ofNullable(claims.getStringListClaimValue("groups"))
                    .orElse(List.of()));
            roles.retainAll(OPERATOR_ROLES);
            return new VerifiedCaller("operator", claims.getSubject(), Set.copyOf(roles), List.of(), null, 0,
                    claims.getClaimValueAsString("name"));
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw new RefusedCredentials("The access token is not valid (expired, altered or not ours)");
        }
    }

    /** The claims of a valid operator token (signature, issuer, audience, expiry checked); empty otherwise. */
    Optional<JwtClaims> operatorClaims(String token) {
        try {
            JwtClaims claims = consumer.processToClaims(token);
            return "operator".equals(claims.getClaimValue("kind")) ? Optional.of(claims) : Optional.empty();
        } catch (InvalidJwtException e) {
            return Optional.empty();
        }
    }

    /**
     * Who is calling, as the gateway verified it from the presented credentials (not to be confused
     * with the services' {@code Caller}, which they read from the identity the gateway forwards).
     *
     * @param branches          a partner key's branches
     * @param confirmedMember   the member of the request path, confirmed within a partner's branches
     * @param requestsPerMinute a partner key's own rate limit
     * @param name              an operator's user name, for what they decide; null for other callers
     */
    record VerifiedCaller(String kind, String subject, Set<String> roles, List<String> branches,
                          String confirmedMember, int requestsPerMinute, String name) {

        boolean isAnonymous() {
            return "anonymous".equals(kind);
        }
    }

    static final class RefusedCredentials extends RuntimeException {

        RefusedCredentials(String message) {
            super(message);
        }
    }
}
