package io.kinlink.member.webhooks;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.kinlink.events.PointsCredited;
import io.kinlink.events.Topics;
import io.kinlink.member.TestBranches;
import io.kinlink.member.TestMembers;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TopicPublisher;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Partners' webhooks on a real receiver: signed notices for their branches' members only,
 * retried until acknowledged, replayed under the same id, and an endpoint that keeps failing
 * disabled (the test profile retries every second, three times, and disables after 4 s of failure).
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "member"))
class WebhookTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static String branch() {
        return TestBranches.open("wh-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static String member(String branch) {
        return given().contentType(ContentType.JSON).body(Map.of("name", "Test Member", "phone",
                        TestMembers.uniqueMainlandPhone(), "branch", branch, "marketingConsent", false, "privacyNoticeVersion", 1))
                .post("/api/members").then().statusCode(201).extract().path("id");
    }

    private static String partnerKey(String branch) {
        return given().contentType(ContentType.JSON).body(Map.of("name", "Booking platform", "branches", List.of(branch)))
                .post("/api/partner-keys").then().statusCode(201).extract().path("partnerKey.id");
    }

    /** [endpoint id, secret] */
    private static String[] endpoint(String partnerKey, String url, List<String> types) {
        var created = given().contentType(ContentType.JSON)
                .body(Map.of("partnerKeyId", partnerKey, "url", url, "eventTypes", types, "description", "bookings"))
                .post("/api/webhooks").then().statusCode(201)
                .body("endpoint.status", equalTo("ACTIVE")).body("secret", startsWith("whsec_")).extract();
        return new String[] {created.path("endpoint.id"), created.path("secret")};
    }

    private static UUID credit(String member, long points) {
        UUID memberId = UUID.fromString(member);
        UUID eventId = UUID.randomUUID();
        EventEnvelope event = new EventEnvelope(eventId, "PointsCredited", 1, Instant.now(), member,
                MAPPER.valueToTree(new PointsCredited(memberId, UUID.randomUUID(), points, "OWN_SPEND", "PURCHASE",
                        UUID.randomUUID().toString(), null, false, Instant.now())));
        TopicPublisher.publish(Topics.REWARDS_EVENTS, member, event.toJson(MAPPER));
        return eventId;
    }

    private static boolean fannedOut(UUID event) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager().createNativeQuery(
                        "select count(*) from processed_event where consumer = 'member-service/webhooks' and event_id = ?1")
                .setParameter(1, event).getSingleResult()).longValue() == 1);
    }

    private static List<Map<String, Object>> log(String endpoint) {
        return given().get("/api/webhooks/" + endpoint + "/deliveries").then().statusCode(200)
                .extract().path("deliveries");
    }

    @Test
    void a_partner_gets_signed_notices_for_its_branches_members_and_none_for_others() throws Exception {
        String branch = branch();
        String ours = member(branch);
        String theirs = member(branch());
        try (Receiver receiver = Receiver.answering(() -> 204)) {
            String[] endpoint = endpoint(partnerKey(branch), receiver.url(), List.of("points.credited"));
            UUID other = credit(theirs, 70);
            UUID event = credit(ours, 120);
            TopicPublisher.publish(Topics.REWARDS_EVENTS, ours, new EventEnvelope(event, "PointsCredited", 1,
                    Instant.now(), ours, MAPPER.valueToTree(new PointsCredited(UUID.fromString(ours), UUID.randomUUID(),
                    120, "OWN_SPEND", "PURCHASE", "p", null, false, Instant.now()))).toJson(MAPPER)); // a redelivery

            await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.received().isEmpty());
            await().atMost(Duration.ofSeconds(20)).until(() -> fannedOut(other) && fannedOut(event));
            Receiver.Received request = receiver.received().get(0);
            assertEquals(Map.of(endpoint[1], true), Receiver.verify(request, List.of(endpoint[1])));
            assertTrue(Math.abs(Long.parseLong(request.timestamp()) - Instant.now().getEpochSecond()) < 60);
            JsonNode body = MAPPER.readTree(request.body());
            assertEquals("points.credited", body.path("type").asText());
            assertEquals(ours, body.path("data").path("memberId").asText());
            assertEquals(branch, body.path("data").path("branch").asText());
            assertEquals(120, body.path("data").path("points").asLong());
            assertEquals(event.toString(), body.path("data").path("eventId").asText());

            List<Map<String, Object>> deliveries = log(endpoint[0]);
            assertEquals(1, deliveries.size(), "one notice: none for the other branch's member, none twice");
            assertEquals("DELIVERED", deliveries.get(0).get("status"));
            assertEquals(request.id(), deliveries.get(0).get("webhookId"));
            assertEquals(1, receiver.received().size());
        }
    }

    @Test
    void a_failed_try_is_retried_and_a_replay_sends_the_same_webhook_id() throws Exception {
        String branch = branch();
        String member = member(branch);
        AtomicInteger calls = new AtomicInteger();
        try (Receiver receiver = Receiver.answering(() -> calls.incrementAndGet() == 1 ? 500 : 200)) {
            String[] endpoint = endpoint(partnerKey(branch), receiver.url(), List.of("points.credited", "coupon.issued"));
            credit(member, 50);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 2);
            String delivery = (String) log(endpoint[0]).get(0).get("id");
            given().get("/api/webhooks/deliveries/" + delivery).then().statusCode(200)
                    .body("status", equalTo("DELIVERED")).body("attempts", equalTo(2))
                    .body("tries.statusCode", equalTo(List.of(500, 200)))
                    .body("tries[0].error", equalTo("HTTP 500")).body("lastLatencyMs", notNullValue());

            given().post("/api/webhooks/deliveries/" + delivery + "/replay").then().statusCode(200)
                    .body("replayedBy", equalTo("test-operator"));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 3);
            List<Receiver.Received> received = receiver.received();
            assertEquals(received.get(0).id(), received.get(2).id(), "the same webhook-id on every try and replay");
            assertEquals(received.get(0).body(), received.get(2).body());
            await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(given()
                    .get("/api/webhooks/deliveries/" + delivery).then().extract().path("status")));
        }
    }

    @Test
    void an_endpoint_that_keeps_failing_is_disabled_for_operators_to_see_and_enable() throws Exception {
        String branch = branch();
        String member = member(branch);
        try (Receiver receiver = Receiver.answering(() -> 503)) {
            String[] endpoint = endpoint(partnerKey(branch), receiver.url(), List.of("points.credited"));
            credit(member, 10);
            await().atMost(Duration.ofSeconds(30)).until(() -> "DISABLED".equals(given()
                    .get("/api/webhooks/" + endpoint[0]).then().extract().path("status")));
            given().get("/api/webhooks/" + endpoint[0]).then()
                    .body("statusReason", startsWith("Disabled after failing since"))
                    .body("statusChangedBy", equalTo("kinlink")).body("failingSince", notNullValue());
            int triesWhenDisabled = receiver.received().size();
            UUID whileDisabled = credit(member, 20);
            await().atMost(Duration.ofSeconds(20)).until(() -> fannedOut(whileDisabled));
            assertEquals(1, log(endpoint[0]).size(), "nothing is queued for a disabled endpoint");
            assertEquals(triesWhenDisabled, receiver.received().size());

            given().post("/api/webhooks/" + endpoint[0] + "/enable").then().statusCode(200)
                    .body("status", equalTo("ACTIVE")).body("failingSince", equalTo(null));
            credit(member, 30);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() > triesWhenDisabled);
            assertEquals(30, MAPPER.readTree(receiver.received().get(triesWhenDisabled).body())
                    .path("data").path("points").asLong());
        }
    }

    @Test
    void a_rotated_secret_signs_beside_the_previous_one_during_the_overlap() throws Exception {
        String branch = branch();
        String member = member(branch);
        try (Receiver receiver = Receiver.answering(() -> 204)) {
            String[] endpoint = endpoint(partnerKey(branch), receiver.url(), List.of("points.credited"));
            String rotated = given().post("/api/webhooks/" + endpoint[0] + "/rotate-secret").then().statusCode(200)
                    .body("previousSecretValidUntil", notNullValue()).extract().path("secret");
            credit(member, 30);
            await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.received().isEmpty());
            assertEquals(Map.of(rotated, true, endpoint[1], true),
                    Receiver.verify(receiver.received().get(0), List.of(rotated, endpoint[1])));
            String stored = QuarkusTransaction.requiringNew().call(() -> (String) Panache.getEntityManager()
                    .createNativeQuery("select e::text from webhook_endpoint e where id = cast(?1 as uuid)")
                    .setParameter(1, endpoint[0]).getSingleResult());
            assertFalse(stored.contains(rotated.substring(6)) || stored.contains(endpoint[1].substring(6)),
                    "secrets are sealed at rest");
            given().get("/api/webhooks").then().statusCode(200)
                    .body("find { it.id == '" + endpoint[0] + "' }.secret", equalTo(null))
                    .body("find { it.id == '" + endpoint[0] + "' }.branches", equalTo(List.of(branch)));
        }
    }

    @Test
    void bad_registrations_get_field_errors() {
        String key = partnerKey(branch());
        Map<String, Object> valid = Map.of("partnerKeyId", key, "url", "http://127.0.0.1:9/hooks",
                "eventTypes", List.of("points.credited"));
        Map<String, Object> badType = new HashMap<>(valid);
        badType.put("eventTypes", List.of("points.credited", "points.stolen"));
        given().contentType(ContentType.JSON).body(badType).post("/api/webhooks").then().statusCode(400)
                .body("errors[0].field", equalTo("eventTypes[1]"));
        Map<String, Object> badUrl = new HashMap<>(valid);
        badUrl.put("url", "ftp://example.com/x");
        given().contentType(ContentType.JSON).body(badUrl).post("/api/webhooks").then().statusCode(400)
                .body("errors[0].field", equalTo("url"));
        Map<String, Object> unknownKey = new HashMap<>(valid);
        unknownKey.put("partnerKeyId", UUID.randomUUID().toString());
        given().contentType(ContentType.JSON).body(unknownKey).post("/api/webhooks").then().statusCode(400)
                .body("errors[0].field", equalTo("partnerKeyId"));
        given().contentType(ContentType.JSON).body(Map.of("url", "https://example.com")).post("/api/webhooks")
                .then().statusCode(400).body("errors.field", hasSize(2));
        given().get("/api/webhooks/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/webhooks/event-types").then().statusCode(200).body("type", hasSize(7));
    }
}
