package io.kinlink.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * The gateway in front of a stand-in upstream that echoes what reached it (the real services
 * behind the gateway are exercised in the e2e module), and of a service that is down.
 */
@QuarkusTest
@TestProfile(GatewayTest.Upstreams.class)
class GatewayTest {

    static final int UPSTREAM_PORT = port("kinlink.test.upstream-port");
    static final int DOWN_PORT = port("kinlink.test.down-port");
    private static Vertx upstreamVertx;

    public static class Upstreams implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kinlink.gateway.services.member", "http://localhost:" + UPSTREAM_PORT,
                    "kinlink.gateway.services.rewards", "http://localhost:" + UPSTREAM_PORT,
                    "kinlink.gateway.services.referral", "http://localhost:" + DOWN_PORT,
                    "kinlink.gateway.max-body-bytes", "1024",
                    "kinlink.gateway.signing-key", TestKeys.privateKey(),
                    "kinlink.gateway.auth-public-key", TestKeys.publicKey("auth"));
        }
    }

    /** Kept in a system property: Quarkus loads this class twice (profile and test) and both must agree. */
    private static int port(String property) {
        return Integer.parseInt(System.getProperties().computeIfAbsent(property, key -> {
            try (ServerSocket socket = new ServerSocket(0)) {
                return String.valueOf(socket.getLocalPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toString());
    }

    @BeforeAll
    static void startUpstream() throws Exception {
        upstreamVertx = Vertx.vertx();
        upstreamVertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> request.response()
                        .setStatusCode(request.method().name().equals("POST") ? 201 : 200)
                        .putHeader("Content-Type", "application/json")
                        .putHeader("X-Upstream", "echo")
                        .end(new JsonObject()
                                .put("method", request.method().name())
                                .put("path", request.path())
                                .put("query", request.query())
                                .put("requestId", request.getHeader("X-Request-Id"))
                                .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                                .put("authorization", request.getHeader("Authorization"))
                                .put("body", body.toString()).encode())))
                .listen(UPSTREAM_PORT).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopUpstream() {
        upstreamVertx.close();
    }

    @Test
    void a_request_reaches_the_owning_service_with_method_path_query_and_body() {
        given().contentType(ContentType.JSON).body("{\"name\":\"Li\"}")
                .when().post("/api/members?source=app")
                .then().statusCode(201)
                .header("X-Upstream", "echo")
                .body("method", equalTo("POST"))
                .body("path", equalTo("/api/members"))
                .body("query", equalTo("source=app"))
                .body("body", equalTo("{\"name\":\"Li\"}"))
                .body("forwardedFor", notNullValue());
    }

    @Test
    void an_anonymous_caller_is_forwarded_with_the_gateways_signed_public_identity() throws Exception {
        String forwarded = given().get("/api/members/42").then().statusCode(200).extract().path("authorization");
        org.junit.jupiter.api.Assertions.assertTrue(forwarded.startsWith("Bearer "), forwarded);
        String[] jwt = forwarded.substring("Bearer ".length()).split("\\.");
        io.vertx.core.json.JsonObject header = new io.vertx.core.json.JsonObject(
                new String(java.util.Base64.getUrlDecoder().decode(jwt[0])));
        io.vertx.core.json.JsonObject claims = new io.vertx.core.json.JsonObject(
                new String(java.util.Base64.getUrlDecoder().decode(jwt[1])));
        org.junit.jupiter.api.Assertions.assertEquals("RS256", header.getString("alg"));
        org.junit.jupiter.api.Assertions.assertEquals("kinlink-gateway", claims.getString("iss"));
        org.junit.jupiter.api.Assertions.assertEquals("anonymous", claims.getString("kind"));
        java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
        rsa.initVerify(java.security.KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(TestKeys.publicKey()))));
        rsa.update((jwt[0] + "." + jwt[1]).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        org.junit.jupiter.api.Assertions.assertTrue(rsa.verify(java.util.Base64.getUrlDecoder().decode(jwt[2])),
                "signed with the gateway's key");
    }

    private static String accessToken(String issuer, java.time.Duration lifetime, String key) throws Exception {
        return io.smallrye.jwt.build.Jwt.issuer(issuer).audience("kinlink-gateway").subject("op-7")
                .groups(java.util.Set.of("operator", "superuser")).claim("kind", "operator").expiresIn(lifetime)
                .jws().sign(TestKeys.signingKey(key));
    }

    private static io.vertx.core.json.JsonObject forwardedClaims(String authorization) {
        String forwarded = given().header("Authorization", authorization).get("/api/members/42").then()
                .statusCode(200).extract().path("authorization");
        return new io.vertx.core.json.JsonObject(new String(java.util.Base64.getUrlDecoder().decode(
                forwarded.substring("Bearer ".length()).split("\\.")[1])));
    }

    @Test
    void an_operators_access_token_is_forwarded_as_their_identity_with_only_known_roles() throws Exception {
        io.vertx.core.json.JsonObject claims = forwardedClaims("Bearer " + accessToken("kinlink-auth",
                java.time.Duration.ofMinutes(5), "auth"));
        org.junit.jupiter.api.Assertions.assertEquals("operator", claims.getString("kind"));
        org.junit.jupiter.api.Assertions.assertEquals("op-7", claims.getString("sub"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("operator"), claims.getJsonArray("groups").getList());
    }

    @Test
    void an_expired_foreign_or_non_bearer_credential_is_a_401_problem_and_reaches_no_service() throws Exception {
        for (String authorization : new String[] {
                "Bearer " + accessToken("kinlink-auth", java.time.Duration.ofMinutes(-5), "auth"),
                "Bearer " + accessToken("kinlink-auth", java.time.Duration.ofMinutes(5), "gateway"),
                "Bearer " + accessToken("someone-else", java.time.Duration.ofMinutes(5), "auth"),
                "Bearer garbage", "Basic b3BzOm9wcw=="}) {
            given().header("Authorization", authorization).get("/api/members/42").then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                    .body("type", equalTo("urn:kinlink:problem:unauthenticated"));
        }
    }

    @Test
    void member_scoped_reward_paths_go_to_the_rewards_service() {
        given().when().get("/api/members/42/rewards/balance")
                .then().statusCode(200).body("path", equalTo("/api/members/42/rewards/balance"));
    }

    @Test
    void a_request_id_is_created_when_missing_and_passed_on_and_back() {
        String returned = given().when().get("/api/members/1")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .extract().header("X-Request-Id");
        given().when().get("/api/members/1").then().body("requestId", notNullValue());
        given().header("X-Request-Id", "till-7-req-0001").when().get("/api/members/1")
                .then().header("X-Request-Id", "till-7-req-0001").body("requestId", equalTo("till-7-req-0001"));
        org.junit.jupiter.api.Assertions.assertNotNull(returned);
    }

    @Test
    void an_unknown_route_is_a_404_problem() {
        given().when().get("/api/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kinlink:problem:not-found"))
                .body("requestId", notNullValue());
        given().when().get("/wp-admin")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void a_service_that_is_down_is_a_503_problem_naming_it() {
        given().when().get("/api/members/1/referral-code")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kinlink:problem:service-unavailable"))
                .body("detail", equalTo("The referral service cannot be reached right now; try again shortly"));
    }

    @Test
    void an_oversized_body_is_refused_with_413() {
        given().contentType(ContentType.JSON).body("{\"x\":\"" + "a".repeat(2048) + "\"}")
                .when().post("/api/members")
                .then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void the_gateway_reports_itself_ready() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
