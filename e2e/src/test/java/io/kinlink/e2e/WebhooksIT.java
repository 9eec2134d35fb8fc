package io.kinlink.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.ToIntBiFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * A partner's webhook receiver (a real HTTP server here) is told, signed, of the points its
 * branch's member earns through the whole pipeline, and of nothing about another branch's; a
 * 500 is retried, and an operator's replay arrives under the same webhook-id.
 */
class WebhooksIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void platform() {
        RestAssured.baseURI = RunningPlatform.gatewayUrl();
        RestAssured.requestSpecification = RunningPlatform.asOperator();
    }

    /** One request as the receiver got it. */
    record Received(String id, String timestamp, String signature, String raw) {

        JsonNode body() {
            try {
                return JSON.readTree(raw);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void a_partner_is_told_of_its_members_points_signed_retried_and_replayed() throws Exception {
        String ours = RunningPlatform.openBranch("wh-" + UUID.randomUUID().toString().substring(0, 6));
        String theirs = RunningPlatform.openBranch("wh-" + UUID.randomUUID().toString().substring(0, 6));
        List<Received> toUs = new CopyOnWriteArrayList<>();
        List<Received> toThem = new CopyOnWriteArrayList<>();
        // our receiver fails the first try of every message, then takes it
        Set<String> seen = ConcurrentHashMap.newKeySet();
        HttpServer receiver = receiver(Map.of("/ours", toUs, "/theirs", toThem),
                (path, id) -> path.equals("/ours") && seen.add(id) ? 500 : 204);
        try {
            String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
            String[] ourKey = RunningPlatform.partnerKey("Booking platform " + ours, List.of(ours), 6_000);
            String[] theirKey = RunningPlatform.partnerKey("Booking platform " + theirs, List.of(theirs), 6_000);
            String ourSecret = endpoint(ourKey[0], base + "/ours");
            endpoint(theirKey[0], base + "/theirs");

            String theirReferrer = referredPurchase(theirs, theirKey[1]);
            await().atMost(Duration.ofSeconds(60)).until(() -> about(toThem, theirReferrer).size() >= 1);
            String ourReferrer = referredPurchase(ours, ourKey[1]);
            // the referrer's rebate (the friend's own-spend points are a message of their own)
            await().atMost(Duration.ofSeconds(60)).until(() -> about(toUs, ourReferrer).size() >= 2);

            List<Received> rebate = about(toUs, ourReferrer);
            Received first = rebate.get(0);
            Received retried = rebate.get(1);
            assertEquals(first.id(), retried.id(), "the retry after a 500 is the same message");
            assertTrue(verifies(retried, ourSecret), "signed with the endpoint's secret");
            assertTrue(Math.abs(Long.parseLong(retried.timestamp()) - Instant.now().getEpochSecond()) < 120);
            assertEquals("points.credited", retried.body().path("type").asText());
            assertEquals(ours, retried.body().path("data").path("branch").asText());
            assertEquals(1, retried.body().path("data").path("chainLevel").asInt());
            assertEquals("REFERRAL_REBATE", retried.body().path("data").path("reason").asText());
            assertTrue(about(toUs, theirReferrer).isEmpty(), "nothing about another branch's member");
            assertTrue(toUs.stream().allMatch(received -> ours.equals(received.body().path("data").path("branch")
                    .asText())), "only members of the partner's branch");

            String endpoint = given().get("/api/webhooks").then().statusCode(200)
                    .extract().path("find { it.url == '" + base + "/ours' }.id");
            String delivery = given().get("/api/webhooks/" + endpoint + "/deliveries").then().statusCode(200)
                    .extract().path("deliveries.find { it.memberId == '" + ourReferrer + "' }.id");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                    .get("/api/webhooks/deliveries/" + delivery).then()
                    .body("status", equalTo("DELIVERED")).body("attempts", equalTo(2)));
            given().post("/api/webhooks/deliveries/" + delivery + "/replay").then().statusCode(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> about(toUs, ourReferrer).size() >= 3);
            Received replayed = about(toUs, ourReferrer).get(2);
            assertEquals(first.id(), replayed.id(), "a replay keeps the webhook-id");
            assertTrue(verifies(replayed, ourSecret));
        } finally {
            receiver.stop(0);
        }
    }

    /** What the receiver got about one member. */
    private static List<Received> about(List<Received> received, String member) {
        return received.stream().filter(r -> member.equals(r.body().path("data").path("memberId").asText())).toList();
    }

    /** A referrer and the friend they bring join the branch, and the friend buys there; the referrer's id. */
    private static String referredPurchase(String branch, String tillKey) {
        String referrer = register(branch, null);
        String friend = register(branch, Signups.codeOf(referrer));
        given().header("X-Api-Key", tillKey).contentType(ContentType.JSON)
                .body(Map.of("memberId", friend, "externalTransactionId", "till-" + UUID.randomUUID(),
                        "amountFen", 100_000, "branch", branch))
                .post("/api/purchases").then().statusCode(201);
        return referrer;
    }

    private static String register(String branch, String referralCode) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Webhook Member",
                "phone", "13" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)),
                "branch", branch, "marketingConsent", false, "privacyNoticeVersion", RunningPlatform.privacyNoticeVersion()));
        if (referralCode != null) {
            body.put("referralCode", referralCode);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/members").then().statusCode(201)
                .extract().path("id");
    }

    /** Registers the partner's endpoint for credited points; its signing secret. */
    private static String endpoint(String partnerKey, String url) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("partnerKeyId", partnerKey, "url", url, "eventTypes", List.of("points.credited")))
                .post("/api/webhooks").then().statusCode(201).extract().path("secret");
    }

    /** Standard Webhooks verification, written from the specification rather than taken from the service. */
    private static boolean verifies(Received received, String secret) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = received.id() + "." + received.timestamp() + "." + received.raw();
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        return List.of(received.signature().split(" ")).contains("v1," + expected);
    }

    private static HttpServer receiver(Map<String, List<Received>> paths,
                                       ToIntBiFunction<String, String> status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        paths.forEach((path, received) -> server.createContext(path, exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                var headers = exchange.getRequestHeaders();
                received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                        headers.getFirst("webhook-signature"),
                        new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(status.applyAsInt(path, exchange.getRequestHeaders().getFirst("webhook-id")), -1);
            exchange.close();
        }));
        server.start();
        return server;
    }
}
