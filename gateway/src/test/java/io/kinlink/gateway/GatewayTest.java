package io.kinlink.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kinlink.testsupport.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
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
                    "kinlink.gateway.timeout", "1s",
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
        upstreamVertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            if (request.path().equals("/internal/partner-keys/verification")) {
                answerKeyCheck(request, body.toJsonObject());
                return;
            }
            if (request.path().equals("/api/members/export")) {
                streamExport(request);
                return;
            }
            if (request.path().equals("/api/visits")) {
                // as JAX-RS builds it: absolute, from the Host header the service was sent
                request.response().setStatusCode(201).putHeader("Location", "http://localhost:" + UPSTREAM_PORT
                        + "/api/visits/v-1?view=full").end("{}");
                return;
            }
            if (request.path().endsWith("/slow")) {
                // answers long after the gateway's one-second timeout in this profile
                upstreamVertx.setTimer(3_000, id -> request.response().end("{}"));
                return;
            }
            request.response()
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
                                .put("traceparent", request.getHeader("traceparent"))
                                .put("body", body.toString()).encode());
        }))
                .listen(UPSTREAM_PORT).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static final int EXPORT_BYTES = 50 * 1024 * 1024;
    static final int EXPORT_CHUNK = 64 * 1024;
    /** Where the export waits, half-way through, until the test has measured the gateway's heap. */
    static final CountDownLatch EXPORT_HALF_READ = new CountDownLatch(1);

    /** A 50 MB CSV export, written as a service writes one: in chunks, as fast as the reader takes them. */
    private static void streamExport(HttpServerRequest request) {
        HttpServerResponse response = request.response().setChunked(true).putHeader("Content-Type", "text/csv");
        Buffer chunk = Buffer.buffer("x".repeat(EXPORT_CHUNK - 2) + "\r\n");
        int[] written = {0};
        Runnable[] writeSome = new Runnable[1];
        writeSome[0] = () -> {
            while (written[0] < EXPORT_BYTES && !response.writeQueueFull()) {
                response.write(chunk);
                written[0] += EXPORT_CHUNK;
                if (written[0] == EXPORT_BYTES / 2) {
                    // the second half only once the test has seen the first: a gateway that reads whole never does
                    upstreamVertx.executeBlocking(() -> EXPORT_HALF_READ.await(60, TimeUnit.SECONDS))
                            .onComplete(done -> writeSome[0].run());
                    return;
                }
            }
            if (written[0] >= EXPORT_BYTES) {
                response.end();
            } else {
                response.drainHandler(ignored -> writeSome[0].run());
            }
        };
        writeSome[0].run();
    }

    /** As the member service answers: the good key is a partner of branch "east", confirming member 42 only. */
    private static void answerKeyCheck(HttpServerRequest request, JsonObject check) {
        if (!GOOD_KEY.equals(check.getString("key")) && !SLOW_KEY.equals(check.getString("key"))) {
            request.response().setStatusCode(401).end();
            return;
        }
        request.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(new JsonObject()
                .put("keyId", GOOD_KEY.equals(check.getString("key")) ? "key-1" : "key-2").put("name", "East till")
                .put("branches", new JsonArray().add("east"))
                .put("requestsPerMinute", GOOD_KEY.equals(check.getString("key")) ? 600 : 1)
                .put("confirmedMember", "00000000-0000-0000-0000-000000000042".equals(check.getString("memberId"))
                        ? check.getString("memberId") : null).encode());
    }

    static final String GOOD_KEY = "klk_0123456789ab_" + "a".repeat(48);
    static final String SLOW_KEY = "klk_0123456789ac_" + "b".repeat(48);
    static final String MEMBER_42 = "00000000-0000-0000-0000-000000000042";

    @AfterAll
    static void stopUpstream() {
        upstreamVertx.close();
    }

    @Test
    void a_50_mb_export_streams_through_with_the_gateways_heap_unchanged() throws Exception {
        long before = heapAfterGc();
        HttpResponse<InputStream> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class)
                                + "/api/members/export")).header("X-Api-Key", GOOD_KEY).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, answer.statusCode());
        assertEquals("text/csv", answer.headers().firstValue("Content-Type").orElse(""));
        long read = 0;
        long heapHalfWay = -1;
        byte[] buffer = new byte[EXPORT_CHUNK];
        try (InputStream body = answer.body()) {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                read += n;
                if (heapHalfWay < 0 && read >= EXPORT_BYTES / 2) {
                    heapHalfWay = heapAfterGc();
                    EXPORT_HALF_READ.countDown();
                }
            }
        }
        assertEquals(EXPORT_BYTES, read, "every byte arrived");
        assertTrue(heapHalfWay - before < 8 * 1024 * 1024, "25 MB passed through and the heap grew by "
                + (heapHalfWay - before) / 1024 + " KB");
    }

    /** One full collection (quick on this heap: the gateway's idle timeout here is a second). */
    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void a_location_is_a_path_on_the_gateway_whatever_host_the_request_names() {
        given().header("Host", "evil.example").header("X-Api-Key", GOOD_KEY).contentType(ContentType.JSON).body("{}")
                .post("/api/visits").then()
                .statusCode(201).header("Location", "/api/visits/v-1?view=full");
    }

    @Test
    void a_key_that_is_not_live_is_401_on_the_operators_kpis_too_and_a_live_one_403() {
        given().header("X-Api-Key", "klk_0123456789ff_" + "c".repeat(48)).get("/api/kpis").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("X-Api-Key", GOOD_KEY).get("/api/kpis").then().statusCode(403)
                .body("detail", equalTo("The programme's KPIs are for operators"));
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
        String forwarded = given().contentType(ContentType.JSON).body("{}").post("/api/members").then().statusCode(201)
                .extract().path("authorization");
        assertTrue(forwarded.startsWith("Bearer "), forwarded);
        String[] jwt = forwarded.substring("Bearer ".length()).split("\\.");
        JsonObject header = new JsonObject(
                new String(Base64.getUrlDecoder().decode(jwt[0])));
        JsonObject claims = new JsonObject(
                new String(Base64.getUrlDecoder().decode(jwt[1])));
        assertEquals("RS256", header.getString("alg"));
        assertEquals("kinlink-gateway", claims.getString("iss"));
        assertEquals("anonymous", claims.getString("kind"));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(KeyFactory.getInstance("RSA").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(TestKeys.publicKey()))));
        rsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(jwt[2])),
                "signed with the gateway's key");
    }

    private static String accessToken(String issuer, Duration lifetime, String key) throws Exception {
        return Jwt.issuer(issuer).audience("kinlink-gateway").subject("op-7")
                .groups(Set.of("operator", "superuser")).claim("kind", "operator").expiresIn(lifetime)
                .jws().sign(TestKeys.signingKey(key));
    }

    private static JsonObject forwardedClaims(String authorization) {
        return claimsOf(given().header("Authorization", authorization).get("/api/members/42").then()
                .statusCode(200).extract().path("authorization"));
    }

    @Test
    void an_operators_access_token_is_forwarded_as_their_identity_with_only_known_roles() throws Exception {
        JsonObject claims = forwardedClaims("Bearer " + accessToken("kinlink-auth",
                Duration.ofMinutes(5), "auth"));
        assertEquals("operator", claims.getString("kind"));
        assertEquals("op-7", claims.getString("sub"));
        assertEquals(List.of("operator"), claims.getJsonArray("groups").getList());
    }

    @Test
    void an_expired_foreign_or_non_bearer_credential_is_a_401_problem_and_reaches_no_service() throws Exception {
        for (String authorization : new String[] {
                "Bearer " + accessToken("kinlink-auth", Duration.ofMinutes(-5), "auth"),
                "Bearer " + accessToken("kinlink-auth", Duration.ofMinutes(5), "gateway"),
                "Bearer " + accessToken("someone-else", Duration.ofMinutes(5), "auth"),
                "Bearer garbage", "Basic b3BzOm9wcw=="}) {
            given().header("Authorization", authorization).get("/api/members/42").then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                    .body("type", equalTo("urn:kinlink:problem:unauthenticated"));
        }
    }

    private static String operator() throws Exception {
        return "Bearer " + accessToken("kinlink-auth", Duration.ofMinutes(5), "auth");
    }

    private static String member(String id) throws Exception {
        return "Bearer " + Jwt.issuer("kinlink-auth").audience("kinlink-gateway").subject(id)
                .groups(Set.of("member", "operator")).claim("kind", "member")
                .expiresIn(Duration.ofMinutes(5)).jws().sign(TestKeys.signingKey("auth"));
    }

    private static JsonObject claimsOf(String forwardedAuthorization) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(
                forwardedAuthorization.substring("Bearer ".length()).split("\\.")[1])));
    }

    @Test
    void an_anonymous_caller_gets_401_beyond_the_open_paths_and_reaches_no_service() {
        given().get("/api/members/42").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .header("X-Upstream", nullValue());
        given().get("/api/me/rewards/balance").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/api/purchases").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/api/auth/member-code").then().statusCode(201)
                .header("X-Upstream", "echo");
    }

    @Test
    void a_members_api_me_paths_are_their_own_member_paths_and_they_cannot_widen_their_roles() throws Exception {
        JsonObject echoed = new JsonObject(given().header("Authorization", member("m-77"))
                .get("/api/me/rewards/balance?x=1").then().statusCode(200).extract().asString());
        assertEquals("/api/members/m-77/rewards/balance", echoed.getString("path"));
        assertEquals("x=1", echoed.getString("query"));
        JsonObject claims = claimsOf(echoed.getString("authorization"));
        assertEquals("member", claims.getString("kind"));
        assertEquals("m-77", claims.getString("sub"));
        assertEquals(List.of("member"), claims.getJsonArray("groups").getList());
        given().header("Authorization", member("m-77")).get("/api/me").then().statusCode(200)
                .body("path", equalTo("/api/members/m-77"));
        given().header("Authorization", operator()).get("/api/me").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void a_partner_key_is_checked_by_the_member_service_and_forwarded_as_the_partner_with_its_branches() {
        JsonObject echoed = new JsonObject(given().header("X-Api-Key", GOOD_KEY)
                .get("/api/members/" + MEMBER_42 + "/rewards/balance").then().statusCode(200).extract().asString());
        JsonObject claims = claimsOf(echoed.getString("authorization"));
        assertEquals("partner", claims.getString("kind"));
        assertEquals("key-1", claims.getString("sub"));
        assertEquals(List.of("east"), claims.getJsonArray("branches").getList());
        assertEquals(MEMBER_42, claims.getString("confirmed_member"));
        assertFalse(echoed.encode().contains(GOOD_KEY), "the key stops at the gateway");
        JsonObject other = claimsOf(given().header("Authorization", "Bearer " + GOOD_KEY)
                .get("/api/members/00000000-0000-0000-0000-000000000043/rewards/balance").then().statusCode(200)
                .extract().path("authorization"));
        assertNull(other.getString("confirmed_member"));
        given().header("X-Api-Key", "klk_0123456789ab_" + "c".repeat(48)).get("/api/members/" + MEMBER_42)
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", equalTo("The API key is unknown or revoked"));
    }

    @Test
    void a_partner_key_over_its_own_limit_gets_429_with_retry_after() {
        int status = 0;
        for (int i = 0; i < 12 && status != 429; i++) {
            status = given().header("X-Api-Key", SLOW_KEY).get("/api/members/" + MEMBER_42).then().extract().statusCode();
        }
        assertEquals(429, status, "burst of 10 for a key of 1 a minute");
        given().header("X-Api-Key", SLOW_KEY).get("/api/members/" + MEMBER_42).then().statusCode(429)
                .header("Retry-After", notNullValue())
                .body("detail", containsString("This API key is over its limit"));
        given().header("X-Api-Key", GOOD_KEY).get("/api/members/" + MEMBER_42).then().statusCode(200);
    }

    @Test
    void member_scoped_reward_paths_go_to_the_rewards_service() throws Exception {
        given().header("Authorization", operator()).when().get("/api/members/42/rewards/balance")
                .then().statusCode(200).body("path", equalTo("/api/members/42/rewards/balance"));
    }

    @Test
    void a_request_id_is_created_when_missing_and_passed_on_and_back() {
        String returned = given().contentType(ContentType.JSON).body("{}").when().post("/api/members")
                .then().statusCode(201)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .extract().header("X-Request-Id");
        given().contentType(ContentType.JSON).body("{}").when().post("/api/members").then().body("requestId", notNullValue());
        given().header("X-Request-Id", "till-7-req-0001").contentType(ContentType.JSON).body("{}").when().post("/api/members")
                .then().header("X-Request-Id", "till-7-req-0001").body("requestId", equalTo("till-7-req-0001"));
        assertNotNull(returned);
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
        given().when().get("/api/referral-codes/ABC123")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kinlink:problem:service-unavailable"))
                .body("detail", equalTo("The referral service cannot be reached right now; try again shortly"));
    }

    @Test
    void a_service_that_answers_too_late_is_a_504_problem_naming_it() throws Exception {
        given().header("Authorization", operator()).when().get("/api/members/slow")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kinlink:problem:service-timeout"))
                .body("detail", equalTo("The member service did not answer in time; try again shortly"));
    }

    @Test
    void an_oversized_body_is_refused_with_413() {
        given().contentType(ContentType.JSON).body("{\"x\":\"" + "a".repeat(2048) + "\"}")
                .when().post("/api/members")
                .then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void the_gateway_reports_itself_ready_on_its_management_port_only() {
        management().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
        // the API documentation stays public
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void the_event_streams_are_documented_in_asyncapi_beside_the_openapi_document() {
        given().when().get("/asyncapi.json").then().statusCode(200).contentType("application/json")
                .body("asyncapi", equalTo("3.0.0"))
                .body("channels.referralEvents.address", equalTo("kinlink.referral-events"))
                .body("channels.deadLettersRewardsService.address", equalTo("kinlink.dead-letter.rewards-service"));
    }

    @Test
    void a_forwarded_request_starts_a_trace_the_service_continues_and_a_callers_trace_is_not_adopted() {
        String callers = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        String forwarded = given().header("traceparent", callers).contentType(ContentType.JSON).body("{}")
                .when().post("/api/members")
                .then().statusCode(201)
                .extract().path("traceparent");
        assertNotNull(forwarded);
        assertTrue(forwarded.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}"), forwarded);
        assertFalse(forwarded.contains("0af7651916cd43dd8448eb211c80319c"), "a caller cannot choose the trace id");
    }

    @Test
    void forwarded_requests_are_counted_by_service_route_and_status_without_raw_ids() {
        String[] refused = {"method", "GET", "status", "401", "uri", "/api/members/{id}/rewards/**"};
        double servedBefore = Metrics.sum(scrape(), "http_server_requests_seconds_count", refused);
        double forwardedBefore = Metrics.sum(scrape(), "kinlink_gateway_upstream_requests_seconds_count",
                "service", "rewards");

        // reaches no service: an anonymous caller on a member path
        given().when().get("/api/members/" + MEMBER_42 + "/rewards/balance").then().statusCode(401);
        String after = scrape();

        assertEquals(servedBefore + 1, Metrics.sum(after, "http_server_requests_seconds_count", refused), after);
        assertEquals(forwardedBefore, Metrics.sum(after, "kinlink_gateway_upstream_requests_seconds_count",
                "service", "rewards"), "nothing was forwarded");
        assertFalse(after.contains(MEMBER_42), "no member id in any series");
    }

    @Test
    void a_forwarded_request_is_in_the_upstream_histogram_with_the_status_the_caller_got() {
        String[] created = {"route", "/api/members/**", "service", "member", "status", "201"};
        String[] down = {"route", "/api/referral-codes/**", "service", "referral", "status", "503"};
        String before = scrape();

        given().contentType(ContentType.JSON).body("{}").when().post("/api/members").then().statusCode(201);
        given().when().get("/api/referral-codes/ABCD2345").then().statusCode(503);
        String after = scrape();

        String count = "kinlink_gateway_upstream_requests_seconds_count";
        assertEquals(Metrics.sum(before, count, created) + 1, Metrics.sum(after, count, created), after);
        assertEquals(Metrics.sum(before, count, down) + 1, Metrics.sum(after, count, down), after);
        // a histogram with the objective's buckets, so Prometheus computes the p99 across replicas
        assertEquals(Metrics.sum(after, count, created), Metrics.sum(after,
                "kinlink_gateway_upstream_requests_seconds_bucket", "route", "/api/members/**", "service", "member",
                "status", "201", "le", "+Inf"));
        assertTrue(Metrics.names(after).contains("jvm_memory_used_bytes"), "the JVM is measured too");
    }

    private static io.restassured.specification.RequestSpecification management() {
        return given().port(ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class));
    }

    private static String scrape() {
        return management().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
