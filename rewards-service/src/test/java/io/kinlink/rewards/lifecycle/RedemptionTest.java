package io.kinlink.rewards.lifecycle;

import static io.kinlink.rewards.RewardsEvents.awaitBalance;
import static io.kinlink.rewards.RewardsEvents.publish;
import static io.kinlink.rewards.RewardsEvents.purchase;
import static io.kinlink.rewards.lifecycle.PointsLifecycleTest.redeem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kinlink.rewards.LedgerInvariants;
import io.kinlink.rewards.RewardsEvents;
import io.kinlink.rewards.holding.HoldingRelease;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Paying with points at the till: idempotent, never overdrawn, whatever arrives at once. */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "rewards"))
class RedemptionTest {

    @BeforeEach
    void tillsBranchesAreInTheDirectory() {
        RewardsEvents.knownBranches("shanghai-jingan", "shanghai-pudong");
    }

    @Inject
    HoldingRelease release;

    @AfterEach
    void ledgerInvariantsHold() {
        LedgerInvariants.assertHold();
    }

    private UUID memberWithAvailable(long points) {
        UUID member = UUID.randomUUID();
        Instant bought = Instant.parse("2025-04-01T00:00:00Z");
        publish(purchase(UUID.randomUUID(), UUID.randomUUID(), points * 20, bought, member)); // 5% as points
        awaitBalance(member, points, 0);
        release.releaseDue(bought.plus(Duration.ofDays(14)));
        awaitBalance(member, 0, points);
        return member;
    }

    @Test
    void fifty_redemptions_at_once_never_overdraw_and_each_succeeds_or_fails_cleanly() throws Exception {
        UUID member = memberWithAvailable(10_000);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String till = "till-" + UUID.randomUUID();
                attempts.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return redeem(member, 300, till).statusCode();
                }, pool));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> attempt : attempts) {
                statuses.add(attempt.get());
            }
            assertEquals(33, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
            assertEquals(17, statuses.stream().filter(status -> status == 422).count(), statuses.toString());
            awaitBalance(member, 0, 100);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_till_retrying_a_redemption_gets_the_first_answer_and_pays_once() throws Exception {
        UUID member = memberWithAvailable(2_000);
        String till = "till-" + UUID.randomUUID();
        String first = redeem(member, 500, till).then().statusCode(201).body("availableAfter", equalTo(1_500))
                .extract().path("id");
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<CompletableFuture<String>> retries = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                retries.add(CompletableFuture.supplyAsync(() -> redeem(member, 500, till).then().statusCode(200)
                        .body("availableAfter", equalTo(1_500)).extract().path("id"), pool));
            }
            for (CompletableFuture<String> retry : retries) {
                assertEquals(first, retry.get());
            }
        } finally {
            pool.shutdownNow();
        }
        awaitBalance(member, 0, 1_500);
        redeem(member, 400, till).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:kinlink:problem:redemption-conflict"));
    }

    @Test
    void two_branches_tills_may_use_the_same_transaction_id() {
        UUID member = memberWithAvailable(1_000);
        String till = "0001-" + UUID.randomUUID();
        String jingan = redeem(member, 300, till).then().statusCode(201).body("branch", equalTo("shanghai-jingan"))
                .extract().path("id");
        String pudong = given().contentType(ContentType.JSON)
                .body(Map.of("points", 200, "externalTransactionId", till, "branch", "shanghai-pudong"))
                .post("/api/members/" + member + "/rewards/redemptions").then().statusCode(201)
                .body("branch", equalTo("shanghai-pudong")).body("availableAfter", equalTo(500)).extract().path("id");
        assertNotEquals(jingan, pudong);
        redeem(member, 300, till).then().statusCode(200).body("id", equalTo(jingan));
        awaitBalance(member, 0, 500);
    }

    @Test
    void more_than_the_available_points_is_422_and_bad_requests_are_400_with_the_fields() {
        UUID member = memberWithAvailable(1_000);
        redeem(member, 1_001, "till-" + UUID.randomUUID()).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kinlink:problem:insufficient-points"));
        given().contentType(ContentType.JSON).body(Map.of("points", -5, "branch", ""))
                .post("/api/members/" + member + "/rewards/redemptions").then().statusCode(400)
                .body("errors.field", equalTo(List.of("branch", "externalTransactionId", "points")));
        given().contentType(ContentType.JSON).body("{\"points\": 10.5, \"externalTransactionId\": \"t\", \"branch\": \"b\"}")
                .post("/api/members/" + member + "/rewards/redemptions").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("points", 10, "externalTransactionId", "t-" + member,
                        "branch", "shanghai-jingna"))
                .post("/api/members/" + member + "/rewards/redemptions").then().statusCode(400)
                .body("errors[0].field", equalTo("branch"))
                .body("errors[0].message", startsWith("unknown branch shanghai-jingna"));
        awaitBalance(member, 0, 1_000);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
