package io.kinlink.rewards.budget;

import static io.kinlink.rewards.RewardsEvents.awaitBalance;
import static io.kinlink.rewards.RewardsEvents.envelope;
import static io.kinlink.rewards.RewardsEvents.publish;
import static io.kinlink.rewards.RewardsEvents.purchase;
import static io.kinlink.rewards.RewardsEvents.refund;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kinlink.events.ReferralQualified;
import io.kinlink.rewards.LedgerInvariants;
import io.kinlink.rewards.gate.HeldRewardDecisions;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * A month with a 10% cap and no launch budget (March 2023, Shanghai time, set for this test
 * through the rules API): rewards past the cap are held with their reason, paid when revenue
 * grows or an operator approves, and cancelled only when their purchase is refunded.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "rewards"))
class BudgetCapTest {

    /** Who the tests' requests act as (TestIdentity's default operator): decisions are recorded in their name. */
    private static final String OPERATOR = "test-operator";

    @Inject
    HeldRewardDecisions decisions;

    @AfterEach
    void ledgerInvariantsHold() {
        LedgerInvariants.assertHold();
    }

    @Test
    void rewards_over_the_cap_are_held_visibly_then_released_approved_or_cancelled() {
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "BUDGET_CAP", "params", Map.of("shareBasisPoints", 1000, "minimumFen", 0),
                        "effectiveFrom", "2023-02-28T16:00:00Z", "effectiveTo", "2023-03-31T16:00:00Z"))
                .post("/api/rewards/rules/budget-cap/versions").then().statusCode(201);
        UUID r1 = UUID.randomUUID();
        UUID r2 = UUID.randomUUID();

        publish(purchase(UUID.randomUUID(), UUID.randomUUID(), 100_000, at("05"), r1));
        publish(purchase(UUID.randomUUID(), UUID.randomUUID(), 100_000, at("06"), r2));
        awaitBalance(r1, 5_000, 0); // two buyers, two keys: Kafka orders neither purchase before the other
        awaitBalance(r2, 5_000, 0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> budget(12_000, 20_000, 0));

        publish(envelope(r1, qualified(r1, at("07"))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> budget(12_000, 20_000, 1));
        given().get("/api/rewards/budget/held?status=HELD").then()
                .body("find { it.memberId == '" + r1 + "' }.reason",
                        containsString("Over the 2023-03 incentive budget: 12000 fen issued of a 20000 fen cap"))
                .body("find { it.memberId == '" + r1 + "' }.valueFen", equalTo(20_000));
        coupons(r1, 0);

        publish(purchase(UUID.randomUUID(), UUID.randomUUID(), 200_000, at("08"))); // more revenue: cap 40,000
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> budget(14_000, 40_000, 1));
        decisions.releaseHeld();
        budget(34_000, 40_000, 0);
        coupons(r1, 1);

        publish(envelope(r2, qualified(r2, at("09"))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> budget(34_000, 40_000, 1));
        String held = heldOf(r2);
        approve(held).statusCode(200).body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo(OPERATOR)).body("decisionNote", equalTo("VIP goodwill"));
        approve(held).statusCode(409);
        coupons(r2, 1);
        budget(54_000, 40_000, 0); // over the cap by an operator's decision, and shown so

        UUID r3 = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        UUID refunded = UUID.randomUUID();
        publish(purchase(buyer, refunded, 10_000, at("10"), r3));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> budget(54_000, 41_000, 2));
        publish(refund(buyer, refunded, 10_000, 10_000, 10_000, at("11")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/rewards/budget?period=2023-03")
                .then().body("revenueFen", equalTo(400_000)));
        approve(heldOf(r3)).statusCode(200).body("status", equalTo("CANCELLED"))
                .body("decisionNote", equalTo("The purchase was refunded in full while the reward was held"));
        awaitBalance(r3, 0, 0);
        given().get("/api/rewards/budget?period=2023-3").then().statusCode(400);

        // the other reward the refunded purchase had held: an operator declines it, saying why
        String declined = given().get("/api/rewards/budget/held?status=HELD").then().extract().jsonPath()
                .getString("find { it.period == '2023-03' }.id");
        cancel(declined, Map.of()).statusCode(400).body("errors[0].field", equalTo("note"));
        cancel(declined, Map.of("note", "Duplicate till entry")).statusCode(200)
                .body("status", equalTo("CANCELLED")).body("decidedBy", equalTo(OPERATOR))
                .body("decisionNote", equalTo("Duplicate till entry"));
        cancel(declined, Map.of("note", "again")).statusCode(409);
        approve(declined).statusCode(409);
        budget(54_000, 40_000, 0);
    }

    /**
     * April 2023: an operator raises the cap from 10% to 50% from the 15th. What was held under
     * the old cap is paid by the next release, the budget view shows the new cap, and a purchase
     * after the 15th is admitted under it; a purchase before the 15th was decided under the old one.
     */
    @Test
    void a_cap_raised_mid_month_applies_from_then_on_and_frees_what_was_held() {
        capVersion(1000, "2023-03-31T16:00:00Z");
        UUID r1 = UUID.randomUUID();
        publish(purchase(UUID.randomUUID(), UUID.randomUUID(), 100_000, april("05"), r1));
        awaitBalance(r1, 5_000, 0);
        publish(envelope(r1, qualified(r1, april("07"))));
        // issued: the 5,000-point rebate and the buyer's 1,000 own-spend points; the 20,000 coupon is held
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> aprilBudget(6_000, 10_000, 1));

        capVersion(5000, "2023-04-14T16:00:00Z");
        aprilBudget(6_000, 50_000, 1);
        decisions.releaseHeld();
        aprilBudget(26_000, 50_000, 0);
        coupons(r1, 1);

        UUID r2 = UUID.randomUUID();
        publish(purchase(UUID.randomUUID(), UUID.randomUUID(), 20_000, april("20"), r2));
        awaitBalance(r2, 1_000, 0);
        publish(envelope(r2, qualified(r2, april("21"))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> coupons(r2, 1)); // 60,000 cap: paid at once
        aprilBudget(47_200, 60_000, 0);
    }

    private static void capVersion(int shareBasisPoints, String from) {
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "BUDGET_CAP", "params", Map.of("shareBasisPoints", shareBasisPoints, "minimumFen", 0),
                        "effectiveFrom", from, "effectiveTo", "2023-04-30T16:00:00Z"))
                .post("/api/rewards/rules/budget-cap/versions").then().statusCode(201);
    }

    private static Instant april(String day) {
        return Instant.parse("2023-04-" + day + "T04:00:00Z");
    }

    private static ReferralQualified qualified(UUID referrer, Instant at) {
        return new ReferralQualified(UUID.randomUUID(), referrer, UUID.randomUUID(), UUID.randomUUID(), 100_000, at);
    }

    private static Instant at(String day) {
        return Instant.parse("2023-03-" + day + "T04:00:00Z");
    }

    private static void budget(long issued, long cap, int held) {
        budget("2023-03", issued, cap, held);
    }

    private static void aprilBudget(long issued, long cap, int held) {
        budget("2023-04", issued, cap, held);
    }

    private static void budget(String period, long issued, long cap, int held) {
        given().get("/api/rewards/budget?period=" + period).then().statusCode(200)
                .body("spentFen", equalTo((int) issued)).body("capFen", equalTo((int) cap))
                .body("heldCount", equalTo(held));
    }

    private static void coupons(UUID member, int count) {
        given().get("/api/members/" + member + "/rewards/coupons").then().body("size()", equalTo(count));
    }

    private static String heldOf(UUID member) {
        List<String> ids = given().get("/api/rewards/budget/held?status=HELD").then().extract().jsonPath()
                .getList("findAll { it.memberId == '" + member + "' }.id");
        return ids.get(0);
    }

    private static ValidatableResponse approve(String held) {
        return given().contentType(ContentType.JSON).body(Map.of("note", "VIP goodwill"))
                .post("/api/rewards/budget/held/" + held + "/approve").then();
    }

    private static ValidatableResponse cancel(String held, Map<String, String> body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/rewards/budget/held/" + held + "/cancel").then();
    }
}
