package io.kinlink.rewards.rules;

import static io.kinlink.rewards.RewardsEvents.awaitBalance;
import static io.kinlink.rewards.RewardsEvents.envelope;
import static io.kinlink.rewards.RewardsEvents.publish;
import static io.kinlink.rewards.RewardsEvents.purchase;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kinlink.events.ReferralQualified;
import io.kinlink.rewards.LedgerInvariants;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Operators' rules at work. Each test uses purchases in its own stretch of the past, so a rule
 * version it adds (effective from a date) cannot reach another test's purchases.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "rewards"))
class RulesTest {

    @Inject
    EntityManager em;

    @AfterEach
    void ledgerInvariantsHold() {
        LedgerInvariants.assertHold();
    }

    @Test
    void a_new_installation_has_the_standing_rules_from_configuration() {
        given().get("/api/rewards/rules").then().statusCode(200)
                .body("ruleId", hasItems("referral-rebate", "referral-qualified-coupon", "own-spend-points",
                        "spend-milestone-coupon", "order-cap"))
                .body("find { it.ruleId == 'order-cap' }.params.maxShareBasisPoints", equalTo(1000));
        given().get("/api/rewards/rules/referral-rebate").then().statusCode(200)
                .body("[0].version", equalTo(1))
                .body("[0].effectiveFrom", equalTo("1970-01-01T00:00:00Z"))
                .body("[0].params.levelRatesBasisPoints", equalTo(List.of(500, 200, 100)))
                .body("[0].note", equalTo("default from configuration"));
    }

    @Test
    void a_campaign_doubles_points_only_inside_its_window_and_the_entry_says_so() {
        String campaign = "double-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.parse("2024-10-01T00:00:00Z");
        addVersion(campaign, Map.of("kind", "CAMPAIGN_MULTIPLIER",
                "params", Map.of("multiplierPercent", 200, "appliesTo", List.of("REFERRAL_REBATE")),
                "effectiveFrom", start.toString(), "effectiveTo", start.plus(7, ChronoUnit.DAYS).toString(),
                "note", "National Day")).statusCode(201).body("version", equalTo(1));

        UUID inside = UUID.randomUUID();
        UUID outside = UUID.randomUUID();
        publish(purchase(UUID.randomUUID(), UUID.randomUUID(), 100_000, start.plus(1, ChronoUnit.DAYS), inside));
        publish(purchase(UUID.randomUUID(), UUID.randomUUID(), 100_000, start.plus(8, ChronoUnit.DAYS), outside));
        awaitBalance(inside, 10_000, 0);
        awaitBalance(outside, 5_000, 0);
        given().get("/api/members/" + inside + "/rewards/history").then()
                .body("[0].explanation", containsString("x2 (" + campaign + " v1)"));
    }

    @Test
    void a_new_rebate_version_applies_to_purchases_from_its_start_and_the_old_one_before() {
        Instant change = Instant.parse("2024-06-01T00:00:00Z");
        // the standing rule keeps its history: version 1 before the change, the new one after
        addVersion("referral-rebate", Map.of("kind", "REFERRAL_REBATE", "effectiveFrom", change.toString(),
                "effectiveTo", change.plus(30, ChronoUnit.DAYS).toString(),
                "params", Map.of("levelRatesBasisPoints", List.of(600, 200, 100),
                        "vipLevelRatesBasisPoints", List.of(800, 300, 100), "vipMinQualifiedReferrals", 5)))
                .statusCode(201);

        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        publish(purchase(UUID.randomUUID(), UUID.randomUUID(), 100_000, change.minusSeconds(1), before));
        publish(purchase(UUID.randomUUID(), UUID.randomUUID(), 100_000, change, after));
        awaitBalance(before, 5_000, 0);
        awaitBalance(after, 6_000, 0);
        given().get("/api/members/" + before + "/rewards/history").then().body("[0].ruleVersion", equalTo(1));
        given().get("/api/members/" + after + "/rewards/history").then().body("[0].ruleVersion",
                Matchers.greaterThan(1));
    }

    @Test
    void a_vip_referrer_earns_the_vip_rates_scaled_down_to_the_per_order_cap() {
        UUID vip = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        Instant bought = Instant.parse("2024-03-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            publish(envelope(vip, new ReferralQualified(UUID.randomUUID(), vip, UUID.randomUUID(), UUID.randomUUID(),
                    60_000, bought.minus(30 + i, ChronoUnit.DAYS))));
        }
        // the qualifications travel under the referrer's key and the purchase under the buyer's: Kafka
        // orders them only per key, so the purchase waits until all five are in
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from qualified_referral where referrer_id = ?1")
                        .setParameter(1, vip).getSingleResult()).intValue() == 5));
        UUID vipChain = UUID.randomUUID();
        // only the level-1 referrer is a VIP: 8% + 2% + 1% = 11% of 100,000 fen passes the 10% cap
        publish(purchase(UUID.randomUUID(), vipChain, 100_000, bought, vip, second, third));
        awaitBalance(vip, 7_272, 0); // 8,000 x 10,000 / 11,000, rounded down
        awaitBalance(second, 1_818, 0);
        awaitBalance(third, 909, 0);
        given().get("/api/members/" + vip + "/rewards/history").then()
                .body("find { it.reason == 'REFERRAL_REBATE' }.explanation",
                        equalTo("8% (referral-rebate v1, VIP rate) of a 1000.00 CNY purchase by your level-1 referral, "
                                + "scaled down to the per-order cap of 10% (order-cap v1), pending until 2024-03-15T00:00:00Z"));
        given().get("/api/members/" + vip + "/rewards/coupons").then()
                .body("size()", equalTo(5)).body("reason", hasItems("REFERRAL_QUALIFIED"));
    }

    @Test
    void a_buyer_earns_own_spend_points_at_once_in_a_lot_of_their_own() {
        UUID buyer = UUID.randomUUID();
        publish(purchase(buyer, UUID.randomUUID(), 12_345, Instant.parse("2024-02-01T00:00:00Z")));
        awaitBalance(buyer, 0, 123);
        given().get("/api/members/" + buyer + "/rewards/history").then()
                .body("[0].reason", equalTo("OWN_SPEND")).body("[0].ruleId", equalTo("own-spend-points"));
    }

    @Test
    void a_rule_that_does_not_hold_together_is_400_with_every_field_at_fault_and_stores_nothing() {
        addVersion("referral-rebate", Map.of("kind", "REFERRAL_REBATE",
                "params", Map.of("levelRatesBasisPoints", List.of(500, 20_000), "vipMinQualifiedReferrals", 0,
                        "vipLevelRatesBasisPoints", List.of(800))))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("params.levelRatesBasisPoints[1].<list element>",
                        "params.vipMinQualifiedReferrals"));
        addVersion("referral-rebate", Map.of("kind", "REFERRAL_REBATE",
                "params", Map.of("levelRatesBasisPoints", List.of(500), "bonus", 1))).statusCode(400)
                .body("errors.field", hasItems("params.bonus"));
        addVersion("order-cap", Map.of("kind", "REFERRAL_REBATE", "params", Map.of())).statusCode(400)
                .body("errors.field", hasItems("kind"));
        addVersion("Black Friday!", Map.of("kind", "CAMPAIGN_MULTIPLIER",
                "params", Map.of("multiplierPercent", 200, "appliesTo", List.of("OWN_SPEND_POINTS")),
                "effectiveFrom", "2024-11-29T00:00:00Z", "effectiveTo", "2024-11-28T00:00:00Z"))
                .statusCode(400).body("errors.field", hasItems("ruleId", "effectiveTo"));
        addVersion("spend-milestone-coupon", Map.of("kind", "SPEND_MILESTONE_COUPON",
                "params", Map.of("everyFen", 1_000_000, "couponTemplateId", UUID.randomUUID().toString())))
                .statusCode(400).body("errors.field", hasItems("params.couponTemplateId"));
        given().get("/api/rewards/rules/order-cap").then().statusCode(200).body("size()", equalTo(1));
        given().get("/api/rewards/rules/no-such-rule").then().statusCode(404);
    }

    private static ValidatableResponse addVersion(String ruleId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/rewards/rules/" + ruleId.replace(" ", "%20") + "/versions").then();
    }
}
