package io.kinlink.rewards.coupons;

import static io.kinlink.rewards.RewardsEvents.envelope;
import static io.kinlink.rewards.RewardsEvents.publish;
import static io.kinlink.rewards.RewardsEvents.purchase;
import static io.kinlink.rewards.RewardsEvents.refund;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "rewards"))
class CouponsTest {

    @BeforeEach
    void tillsBranchesAreInTheDirectory() {
        RewardsEvents.knownBranches("shanghai-jingan", "shanghai-pudong");
    }

    @Inject
    CouponService coupons;

    @AfterEach
    void ledgerInvariantsHold() {
        io.kinlink.rewards.LedgerInvariants.assertHold();
    }

    @Test
    void a_staff_coupon_is_issued_once_per_request_and_drawn_from_the_monthly_allowance() {
        String template = template("Consultant's goodwill", 400_000, 0, 30);
        UUID member = UUID.randomUUID();
        String staff = "consultant-" + UUID.randomUUID();
        String first = issue(member, template, "req-1", staff).statusCode(201)
                .body("status", equalTo("ISSUED")).body("sourceType", equalTo("STAFF")).extract().path("id");
        issue(member, template, "req-1", staff).statusCode(200).body("id", equalTo(first));
        issue(member, template, "req-2", staff).statusCode(201);
        // 10,000 CNY a month: two coupons of 4,000 fit, a third does not
        issue(member, template, "req-3", staff).statusCode(422)
                .body("type", equalTo("urn:kinlink:problem:staff-allowance-exceeded"));
        given().get("/api/members/" + member + "/rewards/coupons").then().body("size()", equalTo(2));
    }

    @Test
    void a_coupon_is_used_once_at_the_till_safely_retried_and_only_above_its_minimum_spend() {
        String template = template("500 off 3,000", 50_000, 300_000, 30);
        UUID member = UUID.randomUUID();
        String coupon = issue(member, template, "r", null).statusCode(201).extract().path("id");

        redeem(member, coupon, "till-a", 299_999).statusCode(422)
                .body("type", equalTo("urn:kinlink:problem:coupon-minimum-spend"));
        redeem(member, coupon, "till-a", 300_000).statusCode(201).body("status", equalTo("REDEEMED"));
        redeem(member, coupon, "till-a", 300_000).statusCode(200).body("redemptionTransaction", equalTo("till-a"));
        redeem(member, coupon, "till-b", 300_000).statusCode(409)
                .body("type", equalTo("urn:kinlink:problem:coupon-already-used"));
        redeem(UUID.randomUUID(), coupon, "till-c", 300_000).statusCode(404);
        given().contentType(ContentType.JSON).body("{}").post("/api/members/" + member + "/rewards/coupons/" + coupon
                + "/void").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("reason", "mistake"))
                .post("/api/members/" + member + "/rewards/coupons/" + coupon + "/void").then().statusCode(409);
    }

    @Test
    void unused_coupons_expire_at_the_end_of_their_validity_and_voided_ones_cannot_be_used() {
        String template = template("One-day flash", 10_000, 0, 1);
        UUID member = UUID.randomUUID();
        String expiring = issue(member, template, "a", null).statusCode(201).extract().path("id");
        String voided = issue(member, template, "b", null).statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("reason", "issued by mistake"))
                .post("/api/members/" + member + "/rewards/coupons/" + voided + "/void").then().statusCode(200)
                .body("status", equalTo("VOIDED"));
        redeem(member, voided, "till-v", 50_000).statusCode(422);

        coupons.expireDue(Instant.now().plus(2, ChronoUnit.DAYS));
        given().get("/api/members/" + member + "/rewards/coupons?status=EXPIRED").then()
                .body("id", equalTo(List.of(expiring)));
        redeem(member, expiring, "till-e", 50_000).statusCode(422);
        given().get("/api/members/" + member + "/rewards/coupons?status=LOST").then().statusCode(400);
    }

    @Test
    void a_qualified_referral_gives_the_referrer_a_coupon_once_that_its_reversal_voids() {
        UUID referrer = UUID.randomUUID();
        ReferralQualified qualified = new ReferralQualified(UUID.randomUUID(), referrer, UUID.randomUUID(),
                UUID.randomUUID(), 60_000, Instant.now());
        var event = envelope(referrer, qualified);
        publish(event);
        publish(event);
        publish(envelope(referrer, qualified)); // republished under a new event id
        awaitCoupons(referrer, "ISSUED", 1);
        given().get("/api/members/" + referrer + "/rewards/coupons").then()
                .body("[0].faceValueFen", equalTo(20_000)).body("[0].ruleId", equalTo("referral-qualified-coupon"));

        publish(envelope(referrer, new ReferralReversed(qualified.referralId(), referrer, qualified.refereeId(),
                qualified.purchaseId(), Instant.now())));
        awaitCoupons(referrer, "VOIDED", 1);
    }

    @Test
    void every_ten_thousand_cny_of_own_spend_earns_a_coupon_that_a_refund_below_the_step_voids() {
        UUID buyer = UUID.randomUUID();
        Instant at = Instant.parse("2024-05-01T00:00:00Z");
        UUID big = UUID.randomUUID();
        publish(purchase(buyer, UUID.randomUUID(), 600_000, at));
        publish(purchase(buyer, big, 1_500_000, at.plusSeconds(60))); // 21,000 CNY in all: two steps
        awaitCoupons(buyer, "ISSUED", 2);

        publish(refund(buyer, big, 500_000, 1_500_000, 500_000, at.plusSeconds(120))); // 16,000: one step left
        awaitCoupons(buyer, "VOIDED", 1);
        awaitCoupons(buyer, "ISSUED", 1);
    }

    @Test
    void one_coupon_per_till_transaction_of_a_branch_and_other_branches_number_their_own() {
        String template = template("100 off", 10_000, 0, 30);
        UUID member = UUID.randomUUID();
        String first = issue(member, template, "first", null).statusCode(201).extract().path("id");
        String second = issue(member, template, "second", null).statusCode(201).extract().path("id");
        String till = "0001-" + UUID.randomUUID();

        redeem(member, first, till, 50_000).statusCode(201);
        redeem(member, second, till, 50_000).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:kinlink:problem:till-transaction-has-coupon"));
        redeem(member, first, till, "shanghai-pudong", 50_000).statusCode(409)
                .body("type", equalTo("urn:kinlink:problem:coupon-already-used"));
        redeem(member, second, till, "shanghai-pudong", 50_000).statusCode(201)
                .body("redeemedBranch", equalTo("shanghai-pudong"));
    }

    private static void awaitCoupons(UUID member, String status, int count) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .get("/api/members/" + member + "/rewards/coupons?status=" + status).then().statusCode(200)
                .body("size()", equalTo(count)));
    }

    @Test
    void a_coupon_is_issued_only_to_an_id_that_names_a_member() {
        String template = template("Welcome back", 10_000, 0, 30);
        UUID nobody = UUID.randomUUID();
        issueUnchecked(nobody, template, "r-" + nobody, null, "Goodwill").statusCode(404)
                .body("type", equalTo("urn:kinlink:problem:member-not-found"));
        given().get("/api/members/" + nobody + "/rewards/coupons").then().body("size()", equalTo(0));

        UUID registered = UUID.randomUUID();
        RewardsEvents.publishRegistration(registered);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                issueUnchecked(registered, template, "r-" + registered, null, "Goodwill").statusCode(201));
    }

    @Test
    void a_request_id_names_one_members_coupon_so_another_member_gets_their_own() {
        String template = template("Birthday", 20_000, 0, 30);
        UUID alice = RewardsEvents.known(UUID.randomUUID());
        UUID bob = RewardsEvents.known(UUID.randomUUID());
        String requestId = "birthday-" + UUID.randomUUID();
        String alices = issue(alice, template, requestId, null).statusCode(201).extract().path("id");
        String bobs = issue(bob, template, requestId, null).statusCode(201)
                .body("memberId", equalTo(bob.toString())).extract().path("id");
        assertNotEquals(alices, bobs);
        issue(alice, template, requestId, null).statusCode(200).body("id", equalTo(alices))
                .body("memberId", equalTo(alice.toString()));
    }

    @Test
    void a_reason_as_long_as_the_api_allows_is_kept_whole_and_a_coupon_has_no_stray_fields() {
        String template = template("Apology", 5_000, 0, 30);
        UUID member = RewardsEvents.known(UUID.randomUUID());
        String reason = "因".repeat(200);
        Map<String, Object> coupon = issueUnchecked(member, template, "apology", null, reason).statusCode(201)
                .body("reason", equalTo(reason)).extract().path("$");
        assertTrue(coupon.containsKey("issuedAt"));
        assertFalse(coupon.containsKey("suedAt"), "the record accessor issuedAt() read as a boolean is*: " + coupon);
        issueUnchecked(member, template, "apology-2", null, reason + "x").statusCode(400)
                .body("errors[0].field", equalTo("reason"));
    }

    private static String template(String name, long faceValueFen, long minSpendFen, int validDays) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "faceValueFen", faceValueFen, "minSpendFen", minSpendFen,
                        "validDays", validDays))
                .post("/api/rewards/coupon-templates").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse issue(UUID member, String template, String requestId, String staff) {
        RewardsEvents.known(member);
        return issueUnchecked(member, template, requestId, staff, "Thank you for your visit");
    }

    private static ValidatableResponse issueUnchecked(UUID member, String template, String requestId, String staff,
                                                      String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("templateId", template, "requestId", requestId,
                "reason", reason));
        if (staff != null) {
            body.put("staffId", staff);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/members/" + member + "/rewards/coupons")
                .then();
    }

    private static ValidatableResponse redeem(UUID member, String coupon, String till, long orderFen) {
        return redeem(member, coupon, till, "shanghai-jingan", orderFen);
    }

    private static ValidatableResponse redeem(UUID member, String coupon, String till, String branch, long orderFen) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("externalTransactionId", till, "orderAmountFen", orderFen, "branch", branch))
                .post("/api/members/" + member + "/rewards/coupons/" + coupon + "/redemptions").then();
    }
}
