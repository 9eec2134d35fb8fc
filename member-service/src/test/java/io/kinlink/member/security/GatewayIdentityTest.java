package io.kinlink.member.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    private int status(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(members).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void a_call_with_the_gateways_identity_gets_in() throws Exception {
        assertEquals(200, status("Bearer " + TestIdentity.token("operator", "ops", Set.of("operator"),
                Duration.ofMinutes(5))));
    }

    @Test
    void a_call_without_the_gateways_identity_is_401() throws Exception {
        assertEquals(401, status(null));
        assertEquals(401, status("Bearer not-a-token"));
        assertEquals(401, status("Basic b3BzOm9wcw=="));
    }

    @Test
    void expired_wrong_issuer_wrong_audience_unsigned_foreign_key_and_key_confusion_tokens_are_401() throws Exception {
        assertEquals(401, status("Bearer " + TestIdentity.signed(TestIdentity.ISSUER, TestIdentity.AUDIENCE,
                Duration.ofMinutes(-5))), "expired (beyond the minute of clock skew)");
        assertEquals(401, status("Bearer " + TestIdentity.signed("someone-else", TestIdentity.AUDIENCE,
                Duration.ofMinutes(5))), "wrong issuer");
        assertEquals(401, status("Bearer " + TestIdentity.signed(TestIdentity.ISSUER, "another-audience",
                Duration.ofMinutes(5))), "wrong audience");
        assertEquals(401, status("Bearer " + TestIdentity.unsigned()), "alg: none");
        assertEquals(401, status("Bearer " + TestIdentity.signedWithAnotherKey()), "signed with a different key");
        assertEquals(401, status("Bearer " + TestIdentity.hs256WithThePublicKey()), "HS256 with the public key");
    }
}
