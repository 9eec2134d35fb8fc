package io.kinlink.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kinlink.testsupport.TopicPublisher;
import io.restassured.RestAssured;

/**
 * The dead-letter path of a real service, through the gateway as an operator works it: an event
 * rewards cannot read (a major version a newer referral service might publish) is dead-lettered,
 * listed with its reason, and a replay before the fix fails again and keeps it waiting.
 */
class DeadLettersIT {

    @BeforeAll
    static void platform() {
        RestAssured.baseURI = RunningPlatform.gatewayUrl();
        RestAssured.requestSpecification = RunningPlatform.asOperator();
    }

    @Test
    void an_event_rewards_cannot_read_is_listed_for_operators_and_its_replay_waits_for_the_fix() throws Exception {
        UUID buyer = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String event = """
                {"id":"%s","type":"PurchaseAttributed","version":2,"occurredAt":"%s","key":"%s",
                 "payload":{"purchaseId":"%s","buyer":{"id":"%s"},"amount":{"fen":10000}}}"""
                .formatted(eventId, Instant.now(), buyer, UUID.randomUUID(), buyer);
        TopicPublisher.publish("kinlink.referral-events", buyer.toString(), event);

        Map<String, Object> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> waiting(eventId), Optional::isPresent).get();
        assertEquals("kinlink.referral-events", dead.get("topic"));
        assertEquals("PurchaseAttributed", dead.get("eventType"));
        given().post("/api/dead-letters/rewards-service/" + dead.get("id") + "/replay").then().statusCode(409)
                .body("type", equalTo("urn:kinlink:problem:dead-letter-replay-failed"))
                .body("detail", containsString("Unknown major version 2 of PurchaseAttributed"));
        assertEquals("WAITING", waiting(eventId).orElseThrow().get("status"));

        // without an operator's login there is no way in
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(RunningPlatform.gatewayUrl() + "/api/dead-letters/rewards-service")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
    }

    private static Optional<Map<String, Object>> waiting(UUID eventId) {
        List<Map<String, Object>> rows = given().get("/api/dead-letters/rewards-service?status=WAITING&size=200")
                .then().statusCode(200).extract().path("deadLetters");
        return rows.stream().filter(row -> eventId.toString().equals(row.get("eventId"))).findFirst()
                .map(row -> {
                    given().get("/api/dead-letters/rewards-service?status=WAITING&size=200").then()
                            .body("deadLetters.find { it.eventId == '" + eventId + "' }.reason",
                                    containsString("Unknown major version 2"));
                    return row;
                });
    }
}
