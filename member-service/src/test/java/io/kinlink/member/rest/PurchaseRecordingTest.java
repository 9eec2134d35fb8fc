package io.kinlink.member.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.kinlink.events.Topics;
import io.kinlink.member.TestMembers;
import io.kinlink.testsupport.Infrastructure;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "member"))
class PurchaseRecordingTest {

    private static Map<String, Object> purchase(String memberId, String transactionId, Object amountFen) {
        Map<String, Object> body = new HashMap<>();
        body.put("memberId", memberId);
        body.put("externalTransactionId", transactionId);
        body.put("amountFen", amountFen);
        body.put("branch", "shanghai-jingan");
        return body;
    }

    private static Response post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/purchases");
    }

    @Test
    void sending_the_same_transaction_again_returns_the_first_purchase_and_publishes_once() {
        String member = TestMembers.register();
        String transaction = "till-" + UUID.randomUUID();
        String first = post(purchase(member, transaction, 128_000)).then().statusCode(201)
                .body("amountFen", equalTo(128_000)).extract().asString();
        String replay = post(purchase(member, transaction, 128_000)).then().statusCode(200).extract().asString();
        assertEquals(first, replay, "the retry answers exactly what the first call answered");

        assertEquals(1, purchasesPublishedFor(member, 1).size());
    }

    @Test
    void the_same_transaction_id_with_other_content_is_a_conflict() {
        String member = TestMembers.register();
        String transaction = "till-" + UUID.randomUUID();
        post(purchase(member, transaction, 50_000)).then().statusCode(201);
        post(purchase(member, transaction, 60_000)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kinlink:problem:transaction-id-reused"));
    }

    @Test
    void two_branches_tills_may_use_the_same_ids_for_sales_refunds_and_visits() {
        String member = TestMembers.register();
        String transaction = "0001-" + UUID.randomUUID();
        Map<String, Object> atJingan = purchase(member, transaction, 30_000);
        Map<String, Object> atPudong = purchase(member, transaction, 45_000);
        atPudong.put("branch", "shanghai-pudong");
        String jingan = post(atJingan).then().statusCode(201).extract().path("id");
        String pudong = post(atPudong).then().statusCode(201).body("branch", equalTo("shanghai-pudong"))
                .extract().path("id");
        assertNotEquals(jingan, pudong);
        post(atPudong).then().statusCode(200).body("id", equalTo(pudong));
        post(atJingan).then().statusCode(200).body("id", equalTo(jingan));

        String refundId = "R-" + transaction;
        for (String purchase : List.of(jingan, pudong)) {
            given().contentType(ContentType.JSON).body(Map.of("purchaseId", purchase, "externalRefundId", refundId,
                    "amountFen", 10_000)).post("/api/refunds").then().statusCode(201)
                    .body("purchaseId", equalTo(purchase)).body("branch", equalTo(purchase.equals(jingan)
                            ? "shanghai-jingan" : "shanghai-pudong"));
        }

        String visitId = "V-" + transaction;
        for (String branch : List.of("shanghai-jingan", "shanghai-pudong")) {
            given().contentType(ContentType.JSON).body(Map.of("memberId", member, "externalVisitId", visitId,
                    "branch", branch)).post("/api/visits").then().statusCode(201).body("branch", equalTo(branch));
        }
    }

    @Test
    void the_same_purchase_sent_concurrently_is_recorded_once() throws Exception {
        String member = TestMembers.register();
        String transaction = "till-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = IntStream.range(0, 8)
                    .mapToObj(i -> (Callable<Response>) () -> post(purchase(member, transaction, 99_900)))
                    .toList();
            List<Response> responses = pool.invokeAll(calls).stream().map(PurchaseRecordingTest::get).toList();
            assertEquals(1, responses.stream().filter(r -> r.statusCode() == 201).count(), "exactly one created");
            assertEquals(7, responses.stream().filter(r -> r.statusCode() == 200).count(), "the rest are replays");
            assertEquals(1, responses.stream().map(r -> r.path("id")).distinct().count(), "all name one purchase");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, purchasesPublishedFor(member, 1).size());
    }

    @Test
    void amounts_must_be_whole_positive_fen() {
        String member = TestMembers.register();
        post(purchase(member, "till-" + UUID.randomUUID(), -5)).then().statusCode(400)
                .body("errors.field", hasItem("amountFen"));
        post(purchase(member, "till-" + UUID.randomUUID(), 0)).then().statusCode(400)
                .body("errors.field", hasItem("amountFen"));
        post(purchase(member, "till-" + UUID.randomUUID(), 100.5)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("amountFen"));
        post(purchase(member, "till-" + UUID.randomUUID(), "100")).then().statusCode(400)
                .body("errors.field", hasItem("amountFen"));
        assertEquals(0, purchasesPublishedFor(member, 0).size(), "nothing recorded for bad amounts");
    }

    @Test
    void a_purchase_for_an_unknown_member_is_404_and_records_nothing() {
        String unknown = UUID.randomUUID().toString();
        String transaction = "till-" + UUID.randomUUID();
        post(purchase(unknown, transaction, 10_000)).then().statusCode(404)
                .body("type", equalTo("urn:kinlink:problem:member-not-found"));
        // the id is still free: nothing half-written blocks a later, valid use of it
        post(purchase(TestMembers.register(), transaction, 10_000)).then().statusCode(201);
    }

    private static List<?> purchasesPublishedFor(String memberId, int expected) {
        try (TopicProbe probe = new TopicProbe(Infrastructure.shared().kafkaBootstrapServers(), Topics.MEMBER_EVENTS)) {
            return probe.await(r -> memberId.equals(r.key()) && r.value().contains("\"type\":\"PurchaseRecorded\""),
                    expected, Duration.ofSeconds(20), Duration.ofSeconds(1));
        }
    }

    private static Response get(Future<Response> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
