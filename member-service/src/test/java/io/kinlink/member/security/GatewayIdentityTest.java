package io.kinlink.member.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TestIdentity;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The service behind the gateway accepts only the identity the gateway signs: reached directly,
 * or with any forged or stale token, it answers 401 and shows nothing.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "member"))
class GatewayIdentityTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/api/members?size=1")
    URI members;

    private HttpResponse<String> call(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(members).GET().header("X-Request-Id", "req-direct");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A 401 problem that says what to do, like every other failure, and nothing of the members. */
    private void refused(String authorization, String what) throws Exception {
        HttpResponse<String> response = call(authorization);
        assertEquals(401, response.statusCode(), what);
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), what);
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(""), what);
        assertTrue(response.body().contains("\"type\":\"urn:kinlink:problem:unauthenticated\""), response.body());
        assertTrue(response.body().contains("through the gateway"), response.body());
        assertTrue(response.body().contains("\"requestId\":\"req-direct\""), response.body());
    }

    @Test
    void a_call_with_the_gateways_identity_gets_in() throws Exception {
        assertEquals(200, call("Bearer " + TestIdentity.token("operator", "ops", Set.of("operator"),
                Duration.ofMinutes(5))).statusCode());
    }

    @Test
    void a_call_without_the_gateways_identity_is_401() throws Exception {
        refused(null, "no token");
        refused("Bearer not-a-token", "garbage");
        refused("Basic b3BzOm9wcw==", "a password");
    }

    @Test
    void expired_wrong_issuer_wrong_audience_unsigned_foreign_key_and_key_confusion_tokens_are_401() throws Exception {
        refused("Bearer " + TestIdentity.signed(TestIdentity.ISSUER, TestIdentity.AUDIENCE,
                Duration.ofMinutes(-5)), "expired (beyond the minute of clock skew)");
        refused("Bearer " + TestIdentity.signed("someone-else", TestIdentity.AUDIENCE,
                Duration.ofMinutes(5)), "wrong issuer");
        refused("Bearer " + TestIdentity.signed(TestIdentity.ISSUER, "another-audience",
                Duration.ofMinutes(5)), "wrong audience");
        refused("Bearer " + TestIdentity.unsigned(), "alg: none");
        refused("Bearer " + TestIdentity.signedWithAnotherKey(), "signed with a different key");
        refused("Bearer " + TestIdentity.hs256WithThePublicKey(), "HS256 with the public key");
    }
}
