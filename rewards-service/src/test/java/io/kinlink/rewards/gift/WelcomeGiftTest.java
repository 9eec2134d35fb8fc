package io.kinlink.rewards.gift;

import static io.kinlink.rewards.RewardsEvents.envelope;
import static io.kinlink.rewards.RewardsEvents.publish;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kinlink.events.ReferralAttributed;
import io.kinlink.events.ReferralReversed;
import io.kinlink.events.Topics;
import io.kinlink.events.VisitRecorded;
import io.kinlink.rewards.LedgerInvariants;
import io.kinlink.rewards.RewardsEvents;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TopicPublisher;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The referred friend's welcome coupon (two-sided referral), under a rule in force from July to
 * August 2022 only, so no other test's referrals get one: paid once on joining, voided when the
 * referral is reversed, held by the budget cap in a month with no revenue, and under a later
 * version paid at the first visit instead.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "rewards"))
class WelcomeGiftTest {

    private static final String JULY_1 = "2022-06-30T16:00:00Z";
    private static final String AUGUST_1 = "2022-07-31T16:00:00Z";
    private static final String SEPTEMBER_1 = "2022-08-31T16:00:00Z";

    @AfterEach
    void ledgerInvariantsHold() {
        LedgerInvariants.assertHold();
    }

    private static String template(String name) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "faceValueFen", 5_000, "minSpendFen",
                        20_000, "validDays", 3_650))
                .post("/api/rewards/coupon-templates").then().statusCode(201).extract().path("id");
    }

    private static int welcomeVersion(String template, String on, String from, String to) {
        return given().contentType(ContentType.JSON).body(Map.of("kind", "REFEREE_WELCOME_COUPON", "params",
                        Map.of("couponTemplateId", template, "on", on), "effectiveFrom", from, "effectiveTo", to))
                .post("/api/rewards/rules/referee-welcome-coupon/versions").then().statusCode(201)
                .extract().path("version");
    }

    private static UUID attributed(UUID referral, Instant at) {
        UUID friend = RewardsEvents.known(UUID.randomUUID());
        publish(envelope(friend, new ReferralAttributed(referral, UUID.randomUUID(), friend, "ABC2345", at)));
        return friend;
    }

    private static List<Map<String, Object>> coupons(UUID member) {
        return given().get("/api/members/" + member + "/rewards/coupons").then().statusCode(200).extract().path("$");
    }

    private static void awaitCoupon(UUID member, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/members/" + member
                + "/rewards/coupons?status=" + status).then().body("size()", equalTo(1)));
    }

    @Test
    void a_friend_who_joins_gets_the_coupon_once_and_loses_it_when_the_referral_is_reversed() {
        String template = template("Welcome facial");
        int version = welcomeVersion(template, "JOIN", JULY_1, SEPTEMBER_1);
        long announced = QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from outbox_event where event_type = 'WelcomeGiftChanged' "
                        + "and event_key = 'welcome-gift' and payload like '%Welcome facial%'").getSingleResult())
                .longValue());
        assertEquals(1, announced, "the share page is told of the gift");

        UUID referral = UUID.randomUUID();
        Instant joined = Instant.parse("2022-07-10T04:00:00Z");
        UUID friend = attributed(referral, joined);
        publish(envelope(friend, new ReferralAttributed(referral, UUID.randomUUID(), friend, "ABC2345", joined)));
        awaitCoupon(friend, "ISSUED");
        given().get("/api/members/" + friend + "/rewards/coupons").then()
                .body("size()", equalTo(1))
                .body("[0].reason", equalTo("REFEREE_WELCOME")).body("[0].faceValueFen", equalTo(5_000))
                .body("[0].ruleId", equalTo("referee-welcome-coupon")).body("[0].ruleVersion", equalTo(version))
                .body("[0].sourceType", equalTo("REFERRAL")).body("[0].sourceId", equalTo(referral.toString()));

        publish(envelope(friend, new ReferralReversed(referral, UUID.randomUUID(), friend, UUID.randomUUID(),
                Instant.parse("2022-07-20T04:00:00Z"))));
        awaitCoupon(friend, "VOIDED");
        given().get("/api/members/" + friend + "/rewards/coupons?status=VOIDED").then()
                .body("[0].endReason", containsString("refunded"));

        UUID outside = attributed(UUID.randomUUID(), Instant.parse("2022-09-10T04:00:00Z"));
        UUID inside = attributed(UUID.randomUUID(), Instant.parse("2022-07-11T04:00:00Z"));
        awaitCoupon(inside, "ISSUED");
        assertEquals(0, coupons(outside).size(), "no gift outside the rule's window");
    }

    @Test
    void over_the_budget_the_gift_is_held_and_under_a_first_visit_rule_it_waits_for_the_visit() {
        String template = template("Welcome peel");
        welcomeVersion(template, "FIRST_VISIT", AUGUST_1, SEPTEMBER_1);
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "BUDGET_CAP", "params", Map.of("shareBasisPoints", 1000, "minimumFen", 0),
                        "effectiveFrom", AUGUST_1, "effectiveTo", SEPTEMBER_1))
                .post("/api/rewards/rules/budget-cap/versions").then().statusCode(201);

        UUID friend = attributed(UUID.randomUUID(), Instant.parse("2022-08-05T04:00:00Z"));
        UUID visitor = attributed(UUID.randomUUID(), Instant.parse("2022-07-05T04:00:00Z")); // July: JOIN rule, paid
        awaitCoupon(visitor, "ISSUED");
        VisitRecorded visit = new VisitRecorded(UUID.randomUUID(), friend, "shanghai-jingan",
                Instant.parse("2022-08-06T04:00:00Z"));
        for (int i = 0; i < 2; i++) { // a second visit is no first visit
            TopicPublisher.publish(Topics.MEMBER_EVENTS, friend.toString(), envelope(friend,
                    i == 0 ? visit : new VisitRecorded(UUID.randomUUID(), friend, "shanghai-jingan",
                            Instant.parse("2022-08-07T04:00:00Z"))).toJson(RewardsEvents.MAPPER));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/rewards/budget/held?status=HELD")
                .then().body("find { it.memberId == '" + friend + "' }.reason",
                        containsString("Over the 2022-08 incentive budget")));
        assertEquals(0, coupons(friend).size(), "held, not issued, while the month has no revenue");
        long held = QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from held_reward where member_id = ?1").setParameter(1, friend)
                .getSingleResult()).longValue());
        assertEquals(1, held, "one gift, however many visits");
    }
}
