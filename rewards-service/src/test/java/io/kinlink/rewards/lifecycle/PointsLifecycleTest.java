package io.kinlink.rewards.lifecycle;

import static io.kinlink.rewards.RewardsEvents.awaitBalance;
import static io.kinlink.rewards.RewardsEvents.publish;
import static io.kinlink.rewards.RewardsEvents.purchase;
import static io.kinlink.rewards.RewardsEvents.refund;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kinlink.rewards.LedgerInvariants;
import io.kinlink.rewards.RewardsEvents;
import io.kinlink.rewards.holding.HoldingRelease;
import io.kinlink.rewards.lots.PointsExpiry;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Points from earning to spending, expiry and refunds, with the jobs driven by the test's own
 * time. The purchases lie in the past, so the scheduled jobs (off in tests) could not interfere
 * anyway: what moves is what the test moves.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "rewards"))
class PointsLifecycleTest {

    @BeforeEach
    void tillsBranchesAreInTheDirectory() {
        RewardsEvents.knownBranches("shanghai-jingan", "shanghai-pudong");
    }

    private static final Duration HOLDING = Duration.ofDays(14);

    @Inject
    HoldingRelease release;
    @Inject
    PointsExpiry expiry;

    @AfterEach
    void ledgerInvariantsHold() {
        LedgerInvariants.assertHold();
    }

    @Test
    void referral_points_stay_pending_for_the_holding_period_then_become_available_once() {
        UUID referrer = UUID.randomUUID();
        Instant bought = Instant.parse("2025-02-03T04:05:06Z");
        publish(purchase(UUID.randomUUID(), UUID.randomUUID(), 100_000, bought, referrer));
        awaitBalance(referrer, 5_000, 0);

        release.releaseDue(bought.plus(HOLDING).minusSeconds(1));
        awaitBalance(referrer, 5_000, 0);
        release.releaseDue(bought.plus(HOLDING));
        awaitBalance(referrer, 0, 5_000);
        release.releaseDue(bought.plus(HOLDING).plusSeconds(60));
        awaitBalance(referrer, 0, 5_000);
        given().get("/api/members/" + referrer + "/rewards/history").then()
                .body("reason", hasItems("REFERRAL_REBATE", "HOLDING_RELEASED"))
                .body("size()", equalTo(3));
    }

    @Test
    void points_expire_lot_by_lot_twelve_months_after_they_were_earned_and_spending_takes_the_oldest_first() {
        UUID member = UUID.randomUUID();
        Instant first = Instant.parse("2025-01-10T02:00:00Z");
        Instant second = Instant.parse("2025-03-01T02:00:00Z");
        publish(purchase(UUID.randomUUID(), UUID.randomUUID(), 200_000, first, member));
        publish(purchase(UUID.randomUUID(), UUID.randomUUID(), 100_000, second, member));
        awaitBalance(member, 15_000, 0);
        release.releaseDue(second.plus(HOLDING));
        awaitBalance(member, 0, 15_000);

        redeem(member, 4_000, "till-" + UUID.randomUUID()).then().statusCode(201).body("availableAfter", equalTo(11_000));

        expiry.expireDue(Instant.parse("2026-01-10T01:59:59Z"));
        awaitBalance(member, 0, 11_000);
        expiry.expireDue(Instant.parse("2026-01-10T02:00:00Z"));
        awaitBalance(member, 0, 5_000); // the first lot's 6,000 left; the second lot untouched
        expiry.expireDue(Instant.parse("2026-01-10T02:00:00Z"));
        awaitBalance(member, 0, 5_000);
        expiry.expireDue(Instant.parse("2026-03-01T02:00:00Z"));
        awaitBalance(member, 0, 0);
        given().get("/api/members/" + member + "/rewards/history").then()
                .body("findAll { it.reason == 'EXPIRED' }.points", equalTo(List.of(-5_000, -6_000)));
    }

    @Test
    void a_partial_refund_after_the_holding_period_claws_back_its_share_level_by_level() {
        UUID level1 = UUID.randomUUID();
        UUID level2 = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        UUID purchase = UUID.randomUUID();
        Instant bought = Instant.parse("2025-06-01T08:00:00Z");
        publish(purchase(buyer, purchase, 100_000, bought, level1, level2));
        awaitBalance(level1, 5_000, 0);
        awaitBalance(level2, 2_000, 0);
        release.releaseDue(bought.plus(HOLDING));
        awaitBalance(level1, 0, 5_000);

        publish(refund(buyer, purchase, 30_000, 100_000, 30_000, bought.plus(20, ChronoUnit.DAYS)));
        awaitBalance(level1, 0, 3_500);
        awaitBalance(level2, 0, 1_400);
        awaitBalance(buyer, 0, 700); // own-spend points, available at once, brought down the same way
        given().get("/api/members/" + level1 + "/rewards/history").then()
                .body("find { it.reason == 'REFUND_CLAWBACK' }.explanation",
                        endsWith("refunded: 1500 points taken back after the holding period"));
        given().get("/api/members/" + buyer + "/rewards/history").then()
                .body("find { it.reason == 'REFUND_CLAWBACK' }.explanation",
                        endsWith("refunded: 300 points taken back (they were available at once)"));

        redeem(level1, 3_000, "till-" + UUID.randomUUID()).then().statusCode(201);
        publish(refund(buyer, purchase, 70_000, 100_000, 100_000, bought.plus(25, ChronoUnit.DAYS)));
        awaitBalance(level1, 0, -3_000); // owes what was spent of points a refund took back: shown, not hidden
        awaitBalance(level2, 0, 0);
        given().get("/api/members/" + level1 + "/rewards/history").then()
                .body("findAll { it.reason == 'REFUND_CLAWBACK' }.points", equalTo(List.of(-3_500, -1_500)));
        redeem(level1, 1, "till-" + UUID.randomUUID()).then().statusCode(422);
    }

    @Test
    void a_refund_while_pending_reverses_pending_points_and_only_the_rest_is_released() {
        UUID referrer = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        UUID purchase = UUID.randomUUID();
        Instant bought = Instant.parse("2025-08-01T08:00:00Z");
        publish(purchase(buyer, purchase, 99_999, bought, referrer));
        awaitBalance(referrer, 4_999, 0);

        publish(refund(buyer, purchase, 33_333, 99_999, 33_333, bought.plus(3, ChronoUnit.DAYS)));
        awaitBalance(referrer, 3_333, 0); // 4,999 x 2/3, rounded so nothing more is taken than was paid
        var repeated = refund(buyer, purchase, 33_333, 99_999, 33_333, bought.plus(3, ChronoUnit.DAYS));
        publish(repeated);
        publish(repeated);
        awaitBalance(referrer, 3_333, 0);

        release.releaseDue(bought.plus(HOLDING));
        awaitBalance(referrer, 0, 3_333);
        publish(refund(buyer, purchase, 66_666, 99_999, 99_999, bought.plus(30, ChronoUnit.DAYS)));
        awaitBalance(referrer, 0, 0);
    }

    @Test
    void a_refund_that_overtakes_its_purchase_waits_for_it_and_is_applied_when_it_arrives() {
        // a send that failed during a broker outage goes out again after the records behind it
        UUID referrer = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        UUID purchase = UUID.randomUUID();
        Instant bought = Instant.parse("2025-09-01T08:00:00Z");
        publish(refund(buyer, purchase, 40_000, 100_000, 40_000, bought.plus(1, ChronoUnit.DAYS)));
        publish(purchase(buyer, purchase, 100_000, bought, referrer));
        awaitBalance(referrer, 3_000, 0); // 5,000 less the refunded 40%
        awaitBalance(buyer, 0, 600);
        given().get("/api/members/" + referrer + "/rewards/history").then()
                .body("find { it.reason == 'REFUND_REVERSED' }.points", equalTo(-2_000));
    }

    static Response redeem(UUID member, long points, String tillTransaction) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("points", points, "externalTransactionId", tillTransaction, "branch", "shanghai-jingan"))
                .post("/api/members/" + member + "/rewards/redemptions");
    }
}
