package io.kinlink.rewards.kpi;

import static io.kinlink.rewards.RewardsEvents.envelope;
import static io.kinlink.rewards.RewardsEvents.publish;
import static io.kinlink.rewards.RewardsEvents.purchase;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kinlink.events.ReferralQualified;
import io.kinlink.events.ReferralReversed;
import io.kinlink.rewards.RewardsEvents;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * A scripted April 2021 (a month no other test uses) with the standing rules: every fen of the
 * incentive KPIs' numerators and denominators is known in advance.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "rewards"))
class IncentiveKpisTest {

    @Test
    void incentive_share_and_acquisition_cost_count_exactly_the_scripted_rewards() {
        UUID l1 = RewardsEvents.known(UUID.randomUUID());
        UUID l2 = RewardsEvents.known(UUID.randomUUID());
        UUID friend = RewardsEvents.known(UUID.randomUUID());
        UUID regular = RewardsEvents.known(UUID.randomUUID());
        UUID otherReferrer = RewardsEvents.known(UUID.randomUUID());

        // a referred friend's 1,000 CNY: 1,000 own points (10 CNY), 5% and 2% up the chain (50 + 20 CNY)
        publish(purchase(friend, UUID.randomUUID(), 100_000, april("10"), l1, l2));
        // the friend's purchase qualified the referral: a 200 CNY coupon for the referrer
        UUID purchase = UUID.randomUUID();
        publish(envelope(friend, new ReferralQualified(UUID.randomUUID(), l1, friend, purchase, 100_000, april("10"))));
        // a regular customer's 2,000 CNY: 2,000 own points (20 CNY), nothing for referrals
        publish(purchase(regular, UUID.randomUUID(), 200_000, april("12"), new UUID[0]));
        // another referral qualifies, then is reversed: its coupon is voided and it wins no customer
        UUID otherFriend = UUID.randomUUID();
        UUID reversed = UUID.randomUUID();
        publish(envelope(otherFriend, new ReferralQualified(reversed, otherReferrer, otherFriend, UUID.randomUUID(),
                100_000, april("15"))));
        publish(envelope(otherFriend, new ReferralReversed(reversed, otherReferrer, otherFriend, UUID.randomUUID(),
                april("16"))));

        // spend: 1,000 + 5,000 + 2,000 + 20,000 + 2,000 + (20,000 - 20,000) = 30,000 fen of 300,000 revenue;
        // for referrals: 5,000 + 2,000 + 20,000 + (20,000 - 20,000) = 27,000 fen for one customer
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> kpis("period=2021-04")
                .body(kpi("INCENTIVE_SHARE") + ".numerator", equalTo(30_000))
                .body(kpi("INCENTIVE_SHARE") + ".denominator", equalTo(300_000))
                .body(kpi("REFERRAL_ACQUISITION_COST") + ".numerator", equalTo(27_000))
                .body(kpi("REFERRAL_ACQUISITION_COST") + ".denominator", equalTo(1)));
        kpis("period=2021-04")
                .body(kpi("INCENTIVE_SHARE") + ".value", equalTo(0.1f))
                .body(kpi("INCENTIVE_SHARE") + ".direction", equalTo("AT_MOST"))
                .body(kpi("INCENTIVE_SHARE") + ".targetMet", equalTo(true))
                .body(kpi("REFERRAL_ACQUISITION_COST") + ".value", equalTo(27_000f))
                .body(kpi("REFERRAL_ACQUISITION_COST") + ".unit", equalTo("FEN_PER_CUSTOMER"))
                .body(kpi("REFERRAL_ACQUISITION_COST") + ".target", equalTo(20_000f))
                .body(kpi("REFERRAL_ACQUISITION_COST") + ".benchmark", equalTo(50_000f))
                .body(kpi("REFERRAL_ACQUISITION_COST") + ".targetMet", equalTo(false));
        // the same spend and revenue as the budget operators watch
        given().get("/api/rewards/budget?period=2021-04").then().statusCode(200)
                .body("spentFen", equalTo(30_000)).body("revenueFen", equalTo(300_000));
    }

    @Test
    void the_budget_is_the_groups_so_a_branch_does_not_narrow_it_and_an_unknown_one_is_refused() {
        RewardsEvents.knownBranches("shanghai-jingan");
        kpis("period=2021-04&months=3&branch=shanghai-jingan")
                .body("branch", equalTo("shanghai-jingan"))
                .body("months.period", equalTo(List.of("2021-02", "2021-03", "2021-04")))
                .body("months[0].kpis.scope", equalTo(List.of("GROUP", "GROUP")));
        given().get("/api/rewards/kpis?branch=nowhere-" + UUID.randomUUID()).then().statusCode(400)
                .body("errors[0].field", equalTo("branch"));
        given().get("/api/rewards/kpis?months=0").then().statusCode(400).body("errors[0].field", equalTo("months"));
    }

    @Test
    void operators_set_what_a_customer_costs_through_other_channels_in_their_name() {
        given().contentType(ContentType.JSON).body(Map.of("otherChannelAcquisitionCostFen", 0))
                .put("/api/rewards/kpis/benchmark").then().statusCode(400)
                .body("errors[0].field", equalTo("otherChannelAcquisitionCostFen"));
        given().contentType(ContentType.JSON).body(Map.of("otherChannelAcquisitionCostFen", 45_000))
                .put("/api/rewards/kpis/benchmark").then().statusCode(200)
                .body("otherChannelAcquisitionCostFen", equalTo(45_000)).body("changedBy", equalTo("test-operator"));
        kpis("period=2021-04").body(kpi("REFERRAL_ACQUISITION_COST") + ".benchmark", equalTo(45_000f));
        // as the other tests here expect it
        given().contentType(ContentType.JSON).body(Map.of("otherChannelAcquisitionCostFen", 50_000))
                .put("/api/rewards/kpis/benchmark").then().statusCode(200);
        given().get("/api/rewards/kpis/benchmark").then().body("otherChannelAcquisitionCostFen", equalTo(50_000));
    }

    private static ValidatableResponse kpis(String query) {
        return given().get("/api/rewards/kpis?" + query).then().statusCode(200);
    }

    private static String kpi(String id) {
        return "months[-1].kpis.find { it.id == '" + id + "' }";
    }

    private static Instant april(String day) {
        return Instant.parse("2021-04-" + day + "T04:00:00Z");
    }
}
