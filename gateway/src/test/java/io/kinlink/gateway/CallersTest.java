package io.kinlink.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.jwt.build.Jwt;

/**
 * The gateway's check of access tokens, token by token: only what the member service signed for
 * the gateway, unexpired, with RS256, passes; every classic forgery is refused.
 */
class CallersTest {

    private final Callers callers = new Callers(TestKeys.publicKey("auth"));

    @Test
    void a_valid_operator_token_passes_with_only_the_operator_roles() throws Exception {
        Callers.VerifiedCaller caller = callers.of("Bearer " + token("kinlink-auth", "kinlink-gateway", Duration.ofMinutes(5),
                Set.of("admin", "partner", "gateway")));
        assertEquals("operator", caller.kind());
        assertEquals(Set.of("admin"), caller.roles());
    }

    @Test
    void an_operators_user_name_is_kept_for_the_decisions_made_in_it() throws Exception {
        String named = Jwt.issuer("kinlink-auth").audience("kinlink-gateway").subject("op-7").groups(Set.of("operator"))
                .claim("kind", "operator").claim("name", "ops-lead").expiresIn(Duration.ofMinutes(5)).jws()
                .sign(TestKeys.signingKey("auth"));
        Callers.VerifiedCaller operator = callers.of("Bearer " + named);
        assertEquals("ops-lead", operator.name());
        // and forwarded to the services, which record it as who decided
        String forwarded = new ForwardedIdentity(TestKeys.privateKey("gateway"), new SimpleMeterRegistry()).tokenFor(operator);
        String claims = new String(java.util.Base64.getUrlDecoder().decode(forwarded.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"name\":\"ops-lead\""), claims);
    }

    @Test
    void expired_wrong_issuer_wrong_audience_and_foreign_key_tokens_are_refused() throws Exception {
        refused(token("kinlink-auth", "kinlink-gateway", Duration.ofMinutes(-5), Set.of("operator")), "expired");
        refused(token("someone-else", "kinlink-gateway", Duration.ofMinutes(5), Set.of("operator")), "wrong issuer");
        refused(token("kinlink-auth", "kinlink-services", Duration.ofMinutes(5), Set.of("operator")),
                "wrong audience");
        refused(token("kinlink-auth", "kinlink-auth-refresh", Duration.ofMinutes(5), Set.of("operator")),
                "a refresh token used as an access token");
        refused(Jwt.issuer("kinlink-auth").audience("kinlink-gateway").subject("op-7").claim("kind", "operator")
                .expiresIn(Duration.ofMinutes(5)).jws().sign(TestKeys.signingKey("gateway")), "another key");
    }

    @Test
    void unsigned_and_key_confusion_tokens_are_refused() throws Exception {
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        refused(encode(header) + "." + encode(claims()) + ".", "alg: none");

        String content = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + encode(claims());
        refused(content + "." + hmacWithThePublicKey(content), "HS256 signed with the public key");
    }

    @Test
    void a_token_of_an_unknown_kind_and_a_non_bearer_credential_are_refused() throws Exception {
        refused(Jwt.issuer("kinlink-auth").audience("kinlink-gateway").subject("x").claim("kind", "partner")
                .expiresIn(Duration.ofMinutes(5)).jws().sign(TestKeys.signingKey("auth")), "kind partner");
        assertThrows(Callers.RefusedCredentials.class, () -> callers.of("Basic b3BzOm9wcw=="));
    }

    private void refused(String token, String what) {
        assertThrows(Callers.RefusedCredentials.class, () -> callers.of("Bearer " + token), what);
    }

    private static String token(String issuer, String audience, Duration lifetime, Set<String> groups)
            throws Exception {
        return Jwt.issuer(issuer).audience(audience).subject("op-7").groups(groups).claim("kind", "operator")
                .expiresIn(lifetime).jws().sign(TestKeys.signingKey("auth"));
    }

    private static String claims() {
        long now = System.currentTimeMillis() / 1000;
        return "{\"iss\":\"kinlink-auth\",\"aud\":\"kinlink-gateway\",\"sub\":\"op-7\",\"kind\":\"operator\","
                + "\"groups\":[\"operator\",\"admin\"],\"iat\":" + now + ",\"exp\":" + (now + 300) + "}";
    }

    private static String hmacWithThePublicKey(String content) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestKeys.publicKey("auth").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(content.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
