package io.kinlink.member.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kinlink.events.Topics;
import io.kinlink.member.TestMembers;
import io.kinlink.testsupport.Infrastructure;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TestIdentity;
import io.kinlink.testsupport.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "member"))
class ActivityTest {

    private static String purchase(String member, long amountFen) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("memberId", member, "externalTransactionId", "till-" + UUID.randomUUID(),
                        "amountFen", amountFen, "branch", "shanghai-jingan"))
                .when().post("/api/purchases").then().statusCode(201).extract().path("id");
    }

    private static Response refund(String purchase, String refundId, long amountFen) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("purchaseId", purchase, "externalRefundId", refundId, "amountFen", amountFen))
                .when().post("/api/refunds");
    }

    private static Response member(String id) {
        return given().get("/api/members/" + id);
    }

    @Test
    void exactly_ten_thousand_cny_is_a_normal_card_and_one_fen_less_is_not() {
        String justBelow = TestMembers.register();
        purchase(justBelow, 999_999);
        member(justBelow).then().body("tier", equalTo("NONE")).body("netSpendFen", equalTo(999_999));

        String exactly = TestMembers.register();
        purchase(exactly, 1_000_000);
        member(exactly).then().body("tier", equalTo("NORMAL"));
    }

    @Test
    void a_refund_that_crosses_a_threshold_downgrades_and_announces_it() {
        String member = TestMembers.register();
        purchase(member, 2_000_000);
        String big = purchase(member, 1_000_000);
        member(member).then().body("tier", equalTo("SILVER")).body("netSpendFen", equalTo(3_000_000));

        refund(big, "refund-" + UUID.randomUUID(), 1).then().statusCode(201);
        member(member).then().body("tier", equalTo("NORMAL")).body("netSpendFen", equalTo(2_999_999));

        try (TopicProbe probe = new TopicProbe(Infrastructure.shared().kafkaBootstrapServers(), Topics.MEMBER_EVENTS)) {
            var changes = probe.await(r -> member.equals(r.key()) && r.value().contains("MemberTierChanged"), 3,
                    Duration.ofSeconds(20), Duration.ofMillis(500));
            assertEquals(3, changes.size(), "NONE->NORMAL, NORMAL->SILVER, SILVER->NORMAL");
            assertEquals(true, changes.get(2).value().contains("\"previousTier\":\"SILVER\",\"tier\":\"NORMAL\""));
        }
    }

    @Test
    void refunds_never_exceed_what_is_left_of_the_purchase() {
        String member = TestMembers.register();
        String bought = purchase(member, 50_000);
        refund(bought, "refund-" + UUID.randomUUID(), 30_000).then().statusCode(201);
        refund(bought, "refund-" + UUID.randomUUID(), 20_001).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kinlink:problem:refund-exceeds-purchase"))
                .body("errors[0].field", equalTo("amountFen"))
                .body("errors[0].message", equalTo("must be at most 20000"));
        member(member).then().body("netSpendFen", equalTo(20_000));
        refund(bought, "refund-" + UUID.randomUUID(), 20_000).then().statusCode(201);
        member(member).then().body("netSpendFen", equalTo(0));
    }

    @Test
    void a_refund_sent_again_is_recorded_once_and_reused_ids_conflict() {
        String member = TestMembers.register();
        String bought = purchase(member, 50_000);
        String refundId = "refund-" + UUID.randomUUID();
        String first = refund(bought, refundId, 10_000).then().statusCode(201).extract().asString();
        String again = refund(bought, refundId, 10_000).then().statusCode(200).extract().asString();
        assertEquals(first, again);
        refund(bought, refundId, 12_000).then().statusCode(409);
        member(member).then().body("netSpendFen", equalTo(40_000));
    }

    @Test
    void a_refund_of_an_unknown_purchase_is_404() {
        refund(UUID.randomUUID().toString(), "refund-" + UUID.randomUUID(), 100).then().statusCode(404)
                .body("type", equalTo("urn:kinlink:problem:purchase-not-found"));
    }

    @Test
    void a_visit_is_recorded_once_and_moves_the_last_visit() {
        String member = TestMembers.register();
        Map<String, Object> visit = Map.of("memberId", member, "externalVisitId", "visit-" + UUID.randomUUID(),
                "branch", "beijing-chaoyang", "occurredAt", "2026-10-01T09:30:00Z");
        given().contentType(ContentType.JSON).body(visit).when().post("/api/visits").then().statusCode(201);
        given().contentType(ContentType.JSON).body(visit).when().post("/api/visits").then().statusCode(200);
        member(member).then().body("lastVisitAt", equalTo("2026-10-01T09:30:00Z"));
    }

    @Test
    void a_visit_or_purchase_is_scored_once_and_a_complaint_stays_open() {
        String member = TestMembers.register();
        String visit = given().contentType(ContentType.JSON).body(Map.of("memberId", member, "externalVisitId",
                        "visit-" + UUID.randomUUID(), "branch", "shanghai-jingan"))
                .when().post("/api/visits").then().statusCode(201).extract().path("id");
        Map<String, Object> score = Map.of("memberId", member, "visitId", visit, "score", 2,
                "complaint", "waited 40 minutes past the appointment");
        given().contentType(ContentType.JSON).body(score).when().post("/api/satisfaction").then().statusCode(201)
                .body("complaintOpen", equalTo(true));
        given().contentType(ContentType.JSON).body(score).when().post("/api/satisfaction").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("memberId", member, "visitId", visit, "score", 6))
                .when().post("/api/satisfaction").then().statusCode(400).body("errors.field", hasItem("score"));
        given().contentType(ContentType.JSON).body(Map.of("memberId", TestMembers.register(), "visitId", visit,
                "score", 5)).when().post("/api/satisfaction").then().statusCode(404);
    }

    @Test
    void line_items_keep_their_categories_and_must_add_up() {
        String member = TestMembers.register();
        Map<String, Object> body = new HashMap<>(Map.of("memberId", member, "externalTransactionId",
                "till-" + UUID.randomUUID(), "amountFen", 300_000, "branch", "shanghai-jingan"));
        body.put("items", List.of(Map.of("category", "hyaluronic-acid", "amountFen", 200_000),
                Map.of("category", "laser", "description", "fractional laser", "amountFen", 100_000)));
        given().contentType(ContentType.JSON).body(body).when().post("/api/purchases").then().statusCode(201)
                .body("items.category", equalTo(List.of("hyaluronic-acid", "laser")));

        body.put("externalTransactionId", "till-" + UUID.randomUUID());
        body.put("items", List.of(Map.of("category", "laser", "amountFen", 100_000)));
        given().contentType(ContentType.JSON).body(body).when().post("/api/purchases").then().statusCode(400)
                .body("errors.field", hasItem("itemsAddingUp"));

        body.put("items", List.of(Map.of("category", "Not A Slug", "amountFen", 300_000)));
        given().contentType(ContentType.JSON).body(body).when().post("/api/purchases").then().statusCode(400)
                .body("errors.field", hasItem("items[0].category"));
    }

    /** Refused before it is read; behind the gateway, callers get the gateway's 413 problem first. */
    @Test
    void an_oversized_body_is_refused_before_it_is_read() throws IOException {
        // the headers alone announce 200,000 bytes: the answer comes without a byte of the body sent
        // (sending the body too races the server closing the connection: a broken pipe, not an answer)
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/members HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + TestIdentity.anonymous() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 200000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertTrue(statusLine != null && statusLine.startsWith("HTTP/1.1 413"), statusLine);
        }
    }
}
