package io.kinlink.member.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Signs the tokens callers hold (RS256 with {@code KINLINK_AUTH_SIGNING_KEY}, issuer
 * {@code kinlink-auth}): access tokens for the gateway, and members' refresh tokens, which only
 * this service reads back.
 */
@ApplicationScoped
public class TokenIssuer {

    public static final String ISSUER = "kinlink-auth";
    public static final String ACCESS_AUDIENCE = "kinlink-gateway";
    static final String REFRESH_AUDIENCE = "kinlink-auth-refresh";

    private final PrivateKey signingKey;
    private final JwtConsumer refreshTokens;
    private final AuthSettings settings;

    public TokenIssuer(AuthSettings settings) {
        this.settings = settings;
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            this.signingKey = rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(settings.signingKey().strip())));
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) signingKey;
            PublicKey verificationKey = rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            this.refreshTokens = new JwtConsumerBuilder()
                    .setRequireExpirationTime().setRequireSubject().setRequireJwtId()
                    .setExpectedIssuer(ISSUER).setExpectedAudience(REFRESH_AUDIENCE)
                    .setVerificationKey(verificationKey)
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
                    .build();
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("kinlink.auth.signing-key is not an RSA private key (PKCS#8, base64)", e);
        }
    }

    /** A short-lived access token for the gateway: who ({@code sub}), what kind of caller, which roles. */
    public String accessToken(String kind, String subject, Set<String> roles, Map<String, Object> claims) {
        var builder = Jwt.issuer(ISSUER).audience(ACCESS_AUDIENCE).subject(subject).groups(roles).claim("kind", kind);
        claims.forEach(builder::claim);
        return builder.expiresIn(settings.accessTokenLifetime()).jws().sign(signingKey);
    }

    public Duration accessLifetime() {
        return settings.accessTokenLifetime();
    }

    /** A member's refresh token: its id is remembered so that it can be spent once. */
    String refreshToken(UUID memberId, UUID tokenId) {
        return Jwt.issuer(ISSUER).audience(REFRESH_AUDIENCE).subject(memberId.toString()).claim("jti", tokenId.toString())
                .expiresIn(settings.refreshTokenLifetime()).jws().sign(signingKey);
    }

    /** The id of a refresh token that is ours and unexpired; empty for anything else. */
    Optional<UUID> refreshTokenId(String token) {
        try {
            JwtClaims claims = refreshTokens.processToClaims(token);
            return Optional.of(UUID.fromString(claims.getJwtId()));
        } catch (InvalidJwtException | MalformedClaimException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What a login returns. */
    public record Tokens(String accessToken, String tokenType, long expiresIn, String refreshToken) {
    }
}
