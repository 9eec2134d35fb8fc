package io.kinlink.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.smallrye.jwt.build.Jwt;

/**
 * Identities as the gateway forwards them, for tests that call a service directly: tokens signed
 * with this JVM's gateway key pair (made once per test JVM, never stored), whose public half the
 * services under test verify with.
 */
public final class TestIdentity {

    public static final String ISSUER = "kinlink-gateway";
    public static final String AUDIENCE = "kinlink-services";
    private static final String PRIVATE_KEY_PROPERTY = "kinlink.test.gateway-signing-key";
    private static final String PUBLIC_KEY_PROPERTY = "kinlink.test.gateway-public-key";

    private TestIdentity() {
    }

    /** The first administrator's password in this test JVM (made once, never stored). */
    public static synchronized String adminPassword() {
        return System.getProperties().computeIfAbsent("kinlink.test.admin-password", key -> RandomKeys.password())
                .toString();
    }

    /** The public key the services under test verify with (base64 X.509). */
    public static String publicKey() {
        ensureKeys();
        return System.getProperty(PUBLIC_KEY_PROPERTY);
    }

    /**
     * Every request of the tests acts as the platform's operator unless it carries an
     * Authorization header of its own (a filter, so the port Quarkus picks still applies).
     */
    public static void actAsOperatorByDefault() {
        if (RestAssured.filters().stream().noneMatch(DefaultIdentity.class::isInstance)) {
            RestAssured.filters(new DefaultIdentity(token("operator", "test-operator", Set.of("operator", "admin"),
                    Duration.ofHours(6))));
        }
    }

    private static final class DefaultIdentity implements Filter {

        private final String token;

        DefaultIdentity(String token) {
            this.token = token;
        }

        @Override
        public Response filter(FilterableRequestSpecification request,
                                                       FilterableResponseSpecification response,
                                                       FilterContext context) {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", "Bearer " + token);
            }
            return context.next(request, response);
        }
    }

    /** A token of one kind of caller (member, partner, operator, anonymous) with its roles. */
    public static String token(String kind, String subject, Set<String> roles, Duration lifetime) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(roles).claim("kind", kind)
                .expiresIn(lifetime).jws().sign(privateKey());
    }

    /** A logged-in member, as the gateway forwards them. */
    public static String member(UUID memberId) {
        return token("member", memberId.toString(), Set.of("member"), Duration.ofMinutes(5));
    }

    /**
     * A partner's key scoped to these branches, as the gateway forwards it; {@code confirmedMember}
     * is the member of the request path the member service confirmed within them, or null.
     */
    public static String partner(String keyId, Set<String> branches, UUID confirmedMember) {
        var builder = Jwt.issuer(ISSUER).audience(AUDIENCE).subject(keyId).groups(Set.of("partner"))
                .claim("kind", "partner").claim("branches", branches);
        if (confirmedMember != null) {
            builder.claim("confirmed_member", confirmedMember.toString());
        }
        return builder.expiresIn(Duration.ofMinutes(5)).jws().sign(privateKey());
    }

    /** Nobody in particular: what the gateway forwards for a caller without credentials. */
    public static String anonymous() {
        return token("anonymous", "anonymous", Set.of("public"), Duration.ofMinutes(5));
    }

    /** The gateway itself, for the member service's internal endpoints. */
    public static String gateway() {
        return token("gateway", "kinlink-gateway", Set.of("gateway"), Duration.ofMinutes(5));
    }

    /** An operator as the gateway forwards one who logged in: with their user name, which records show. */
    public static String operatorNamed(String username) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(java.util.UUID.randomUUID().toString())
                .groups(Set.of("operator")).claim("kind", "operator").claim("name", username)
                .expiresIn(Duration.ofMinutes(5)).jws().sign(privateKey());
    }

    /** A token with the claims given, signed with this JVM's gateway key. */
    public static String signed(String issuer, String audience, Duration lifetime) {
        return Jwt.issuer(issuer).audience(audience).subject("someone").groups(Set.of("operator", "admin"))
                .claim("kind", "operator").expiresIn(lifetime).jws().sign(privateKey());
    }

    /** Right claims, signed with a key nobody trusts. */
    public static String signedWithAnotherKey() {
        try {
            PrivateKey other = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(RandomKeys.rsaKeyPair()[0])));
            return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("someone").groups(Set.of("operator"))
                    .expiresIn(Duration.ofMinutes(5)).jws().sign(other);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Right claims, "signed" with {@code alg: none}. */
    public static String unsigned() {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims()) + ".";
    }

    /** Right claims, HMAC-signed with the public key as the secret: the classic key-confusion forgery. */
    public static String hs256WithThePublicKey() {
        String content = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + encode(claims());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(publicKey().getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return content + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(content.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String claims() {
        long now = System.currentTimeMillis() / 1000;
        return "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"someone\","
                + "\"groups\":[\"operator\",\"admin\"],\"iat\":" + now + ",\"exp\":" + (now + 300) + "}";
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey privateKey() {
        ensureKeys();
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(System.getProperty(PRIVATE_KEY_PROPERTY))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** In system properties: Quarkus loads test classes twice, and both loads must hold the same pair. */
    private static synchronized void ensureKeys() {
        if (System.getProperty(PRIVATE_KEY_PROPERTY) == null) {
            String[] pair = RandomKeys.rsaKeyPair();
            System.setProperty(PUBLIC_KEY_PROPERTY, pair[1]);
            System.setProperty(PRIVATE_KEY_PROPERTY, pair[0]);
        }
    }
}
