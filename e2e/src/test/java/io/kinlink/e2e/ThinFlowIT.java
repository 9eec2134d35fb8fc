package io.kinlink.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kinlink.testsupport.Infrastructure;
import io.kinlink.testsupport.TopicProbe;
import io.kinlink.testsupport.TopicPublisher;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The thin flow as an operator and a branch till (with its API key) see it, through the gateway only: a member
 * shares a code, a friend registers with it and buys, and the member earns 5% as points.
 */
class ThinFlowIT {

    @BeforeAll
    static void platform() {
        RestAssured.baseURI = RunningPlatform.gatewayUrl();
        RestAssured.requestSpecification = RunningPlatform.asOperator(); // members' own views are SecurityIT's
    }

    private static void awaitPendingPoints(String member, int points) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/members/" + member + "/rewards/balance").then().statusCode(200)
                        .body("pendingPoints", equalTo(points)));
    }

    @Test
    void a_referred_friends_purchase_earns_the_referrer_five_percent_as_points_once() {
        String alice = Signups.register("Alice", null);
        String code = Signups.codeOf(alice);
        given().get("/api/members/" + alice + "/referral-code").then()
                .body("shareUrl", startsWith(RestAssured.baseURI + "/r/"));
        String bob = Signups.register("Bob", code);

        Map<String, Object> purchase = Map.of("memberId", bob, "externalTransactionId", "till-" + UUID.randomUUID(),
                "amountFen", 128_000, "branch", "shanghai-jingan");
        given().header("X-Api-Key", RunningPlatform.tillKey()).contentType(ContentType.JSON).body(purchase)
                .when().post("/api/purchases").then().statusCode(201);
        awaitPendingPoints(alice, 6_400);

        // the till retries the same sale: same purchase, no second reward
        given().header("X-Api-Key", RunningPlatform.tillKey()).contentType(ContentType.JSON).body(purchase)
                .when().post("/api/purchases").then().statusCode(200);
        // Bob's next sale travels the same way after the retry (same key, same partitions, in order):
        // once it is credited, anything the retry set off would have been too
        given().header("X-Api-Key", RunningPlatform.tillKey()).contentType(ContentType.JSON)
                .body(Map.of("memberId", bob, "externalTransactionId", "till-" + UUID.randomUUID(),
                        "amountFen", 10_000, "branch", "shanghai-jingan"))
                .when().post("/api/purchases").then().statusCode(201);
        awaitPendingPoints(alice, 6_400 + 500);
        given().get("/api/members/" + alice + "/rewards/history").then()
                .body("size()", equalTo(2))
                .body("points", containsInAnyOrder(6_400, 500))
                .body("chainLevel", everyItem(equalTo(1)));
        given().get("/api/members/" + bob + "/rewards/balance").then().body("pendingPoints", equalTo(0));
    }

    @Test
    void a_purchase_event_published_twice_pays_the_referrer_once() {
        String carol = Signups.register("Carol", null);
        String dave = Signups.register("Dave", Signups.codeOf(carol));
        given().contentType(ContentType.JSON).body(Map.of("memberId", dave, "externalTransactionId",
                        "till-" + UUID.randomUUID(), "amountFen", 20_000, "branch", "beijing-chaoyang"))
                .when().post("/api/purchases").then().statusCode(201);
        awaitPendingPoints(carol, 1_000);

        // the member service's relay publishes the same event again (at-least-once delivery)
        String bootstrap = Infrastructure.shared().kafkaBootstrapServers();
        try (TopicProbe probe = new TopicProbe(bootstrap, "kinlink.member-events")) {
            var recorded = probe.await(r -> dave.equals(r.key()) && r.value().contains("\"PurchaseRecorded\""), 1,
                    Duration.ofSeconds(10), Duration.ZERO);
            TopicPublisher.publish("kinlink.member-events", dave, recorded.get(0).value());
        }
        // Dave's next sale follows the republished event on the same partitions
        given().contentType(ContentType.JSON).body(Map.of("memberId", dave, "externalTransactionId",
                        "till-" + UUID.randomUUID(), "amountFen", 40_000, "branch", "beijing-chaoyang"))
                .when().post("/api/purchases").then().statusCode(201);
        awaitPendingPoints(carol, 1_000 + 2_000);
        given().get("/api/members/" + carol + "/rewards/history").then().body("size()", equalTo(2))
                .body("points", containsInAnyOrder(1_000, 2_000));
    }

    @Test
    void the_gateway_answers_unknown_routes_with_a_problem() {
        given().get("/api/unknown").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void errors_from_a_service_reach_the_caller_as_problems_with_the_request_id() {
        given().header("X-Request-Id", "e2e-check-0001").contentType(ContentType.JSON)
                .body(Map.of("name", "No Phone", "branch", "x", "marketingConsent", true, "privacyNoticeVersion", RunningPlatform.privacyNoticeVersion()))
                .when().post("/api/members")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .header("X-Request-Id", "e2e-check-0001")
                .body("requestId", equalTo("e2e-check-0001"))
                .body("errors[0].field", equalTo("phone"));
    }
}
