package io.kinlink.rewards.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.rewards.LedgerInvariants;
import io.kinlink.rewards.RewardsEvents;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "rewards"))
class ReferralRebateTest {

    private static EventEnvelope purchase(UUID purchaseId, long amountFen, UUID... chain) {
        return RewardsEvents.purchase(UUID.randomUUID(), purchaseId, amountFen, Instant.parse("2026-11-01T10:00:00Z"),
                chain);
    }

    private static void publish(EventEnvelope envelope) {
        RewardsEvents.publish(envelope);
    }

    private static void awaitPending(UUID member, long points) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .get("/api/members/" + member + "/rewards/balance").then().statusCode(200)
                .body("pendingPoints", equalTo((int) points)));
    }

    @AfterEach
    void ledgerInvariantsHold() {
        LedgerInvariants.assertHold();
    }

    @Test
    void each_level_of_the_chain_earns_its_rate_as_pending_points() {
        UUID level1 = UUID.randomUUID();
        UUID level2 = UUID.randomUUID();
        UUID level3 = UUID.randomUUID();
        publish(purchase(UUID.randomUUID(), 100_000, level1, level2, level3));

        awaitPending(level1, 5_000);
        awaitPending(level2, 2_000);
        awaitPending(level3, 1_000);
        given().get("/api/members/" + level1 + "/rewards/balance").then().body("availablePoints", equalTo(0));
    }

    @Test
    void every_movement_says_which_rule_paid_it_and_why() {
        UUID referrer = UUID.randomUUID();
        UUID purchaseId = UUID.randomUUID();
        publish(purchase(purchaseId, 12_345, referrer));
        awaitPending(referrer, 617);

        given().get("/api/members/" + referrer + "/rewards/history").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].reason", equalTo("REFERRAL_REBATE"))
                .body("[0].account", equalTo("MEMBER_POINTS_PENDING"))
                .body("[0].points", equalTo(617))
                .body("[0].sourceType", equalTo("PURCHASE"))
                .body("[0].sourceId", equalTo(purchaseId.toString()))
                .body("[0].ruleId", equalTo("referral-rebate"))
                .body("[0].ruleVersion", equalTo(1))
                .body("[0].chainLevel", equalTo(1))
                .body("[0].availableAt", equalTo("2026-11-15T10:00:00Z"))
                .body("[0].explanation", startsWith("5% (referral-rebate v1) of a 123.45 CNY purchase by your level-1 referral"));
    }

    /**
     * Waits until the consumer has read past everything published so far for {@code buyer}: a
     * purchase published after it on the same key (so the same partition, read in order) is credited.
     */
    private static void awaitReadPast(UUID buyer) {
        UUID marker = UUID.randomUUID();
        publish(RewardsEvents.purchase(buyer, UUID.randomUUID(), 20_000, Instant.parse("2026-11-01T10:00:00Z"), marker));
        awaitPending(marker, 1_000);
    }

    @Test
    void the_same_event_delivered_twice_credits_once() {
        UUID referrer = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        EventEnvelope event = RewardsEvents.purchase(buyer, UUID.randomUUID(), 40_000,
                Instant.parse("2026-11-01T10:00:00Z"), referrer);
        publish(event);
        publish(event);
        awaitReadPast(buyer);
        awaitPending(referrer, 2_000);
    }

    @Test
    void the_same_purchase_published_again_under_a_new_event_id_credits_once() {
        UUID referrer = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        UUID purchaseId = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-01T10:00:00Z");
        publish(RewardsEvents.purchase(buyer, purchaseId, 40_000, at, referrer));
        publish(RewardsEvents.purchase(buyer, purchaseId, 40_000, at, referrer));
        awaitReadPast(buyer);
        awaitPending(referrer, 2_000);
        given().get("/api/members/" + referrer + "/rewards/history").then().body("", hasSize(1));
    }

    @Test
    void a_member_without_rewards_has_a_zero_balance() {
        given().get("/api/members/" + UUID.randomUUID() + "/rewards/balance").then().statusCode(200)
                .body("pendingPoints", equalTo(0)).body("availablePoints", equalTo(0));
    }
}
