package io.kinlink.referral.analytics;

import static io.kinlink.referral.ReferralApi.awaitBranchOpened;
import static io.kinlink.referral.ReferralApi.awaitReferrals;
import static io.kinlink.referral.ReferralApi.clickIdIn;
import static io.kinlink.referral.ReferralApi.codeOf;
import static io.kinlink.referral.ReferralApi.open;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kinlink.events.MemberRegistered;
import io.kinlink.events.PurchaseRecorded;
import io.kinlink.events.RefundRecorded;
import io.kinlink.events.VisitRecorded;
import io.kinlink.referral.TestEvents;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A scripted month at one branch: shares, clicks, registrations, visits and purchases, and the
 * funnel and opinion-leader figures that script must produce, exactly.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "referral"))
class FunnelScenarioTest {

    @Test
    void the_funnel_counts_each_step_of_the_script_per_branch_referrer_and_campaign() {
        Instant from = Instant.now().minus(1, ChronoUnit.MINUTES);
        String branch = awaitBranchOpened("funnel-" + UUID.randomUUID().toString().substring(0, 8));
        String campaign = "spring-" + UUID.randomUUID().toString().substring(0, 8);
        String device = "device-" + UUID.randomUUID();
        UUID r1 = TestEvents.registered(new MemberRegistered(UUID.randomUUID(), "测**", TestEvents.randomPhoneHash(),
                null, device, branch, "APP", Instant.now(), null));
        UUID r2 = member(branch, null, null);

        share(r1, "WECHAT", null);
        share(r1, "WECHAT_MOMENTS", null);
        share(r1, "SMS", campaign);
        share(r2, "POSTER_QR", null);

        String code1 = codeOf(r1);
        UUID clickA = clickIdIn(open("/r/" + code1 + "?c=" + campaign, "192.0.2.1"));
        UUID clickB = clickIdIn(open("/r/" + code1 + "?c=" + campaign, "192.0.2.2"));
        open("/r/" + code1 + "?c=" + campaign, "192.0.2.3");
        open("/r/" + code1 + "?c=" + campaign, "192.0.2.4");
        open("/r/" + codeOf(r2), "192.0.2.5");
        open("/r/" + codeOf(r2), "192.0.2.6");

        UUID a = member("elsewhere", null, clickA);
        UUID b = member("elsewhere", null, clickB);
        UUID c = member("elsewhere", code1, null);
        UUID d = member("elsewhere", codeOf(r2), null);
        UUID refused = TestEvents.registered(new MemberRegistered(UUID.randomUUID(), "测**",
                TestEvents.randomPhoneHash(), code1, device, "elsewhere", "APP", Instant.now(), null));
        io.kinlink.referral.ReferralApi.awaitRejection(refused);
        awaitReferrals(r1, 3);
        awaitReferrals(r2, 1);

        visit(a);
        visit(a);
        visit(c);
        visit(d);
        purchase(a, 60_000);
        purchase(a, 20_000);

        Instant to = Instant.now().plus(1, ChronoUnit.HOURS);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(List.of(4, 6, 4, 3, 1),
                counts(funnel(from, to, "branch=" + branch), null)));

        JsonPath all = funnel(from, to, "branch=" + branch);
        assertEquals(List.of(1.5f, 0.6667f, 0.75f, 0.3333f), all.getList("rows[0].steps.conversion").subList(1, 5));
        assertEquals(List.of("SHARED", "CLICKED", "REGISTERED", "FIRST_VISIT", "FIRST_PURCHASE"),
                all.getList("rows[0].steps.step"));

        JsonPath byReferrer = funnel(from, to, "branch=" + branch + "&groupBy=REFERRER");
        assertEquals(List.of(3, 4, 3, 2, 1), counts(byReferrer, r1.toString()));
        assertEquals(List.of(1, 2, 1, 1, 0), counts(byReferrer, r2.toString()));
        assertEquals(List.of(3, 4, 3, 2, 1), counts(funnel(from, to, "referrerId=" + r1), null));
        assertEquals(List.of(1, 4, 2, 1, 1), counts(funnel(from, to, "campaign=" + campaign), null));
        assertEquals(List.of(0, 0, 0, 0, 0), counts(funnel(to, to.plus(1, ChronoUnit.DAYS), "branch=" + branch), null),
                "nothing happened in the next period");
    }

    @Test
    void opinion_leaders_rank_by_qualified_referrals_network_and_the_revenue_it_brings() {
        Instant from = Instant.now().minus(1, ChronoUnit.MINUTES);
        String branch = awaitBranchOpened("leaders-" + UUID.randomUUID().toString().substring(0, 8));
        UUID leader = member(branch, null, null);
        UUID x = member(branch, codeOf(leader), null);
        UUID y = member(branch, codeOf(leader), null);
        UUID z = member(branch, codeOf(x), null);
        awaitReferrals(leader, 2);
        awaitReferrals(x, 1);

        purchase(y, 60_000);
        UUID zPurchase = purchase(z, 100_000);
        TestEvents.publish(TestEvents.envelope(z, new RefundRecorded(UUID.randomUUID(), zPurchase, z, "refund-z",
                20_000, 100_000, 20_000, Instant.now())));

        Instant to = Instant.now().plus(1, ChronoUnit.HOURS);
        String period = "from=" + from + "&to=" + to + "&branch=" + branch;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/referrals/leaders?by=REVENUE&" + period)
                .then().statusCode(200)
                .body("memberId", equalTo(List.of(leader.toString(), x.toString())))
                .body("networkRevenueFen", equalTo(List.of(140_000, 80_000)))
                .body("qualifiedReferrals", equalTo(List.of(1, 1)))
                .body("[0].network.level1", equalTo(2))
                .body("[0].network.level2", equalTo(1))
                .body("[0].network.total", equalTo(3))
                .body("[0].rank", equalTo(1)));
        given().get("/api/referrals/leaders?by=NETWORK&limit=1&" + period).then()
                .body("memberId", equalTo(List.of(leader.toString())));
        given().get("/api/members/" + leader + "/network").then().statusCode(200)
                .body("level1", equalTo(2)).body("level2", equalTo(1)).body("level3", equalTo(0));
        // the same network as a tree operators draw: each member with the one who brought them
        given().get("/api/referrals/network/" + leader).then().statusCode(200)
                .body("root.memberId", equalTo(leader.toString())).body("truncated", equalTo(false))
                .body("members.memberId", equalTo(List.of(x.toString(), y.toString(), z.toString())))
                .body("members.level", equalTo(List.of(1, 1, 2)))
                .body("members.referrerId", equalTo(List.of(leader.toString(), leader.toString(), x.toString())));
        given().get("/api/referrals/network/" + leader + "?limit=2").then().body("truncated", equalTo(true))
                .body("members.size()", equalTo(2));
        given().get("/api/referrals/network/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/referrals/leaders?by=SIZE").then().statusCode(400)
                .body("errors[0].field", equalTo("by"));
        // a mistyped branch is refused rather than shown as a branch where nothing happened
        given().get("/api/referrals/funnel?branch=" + branch + "-typo").then().statusCode(400)
                .body("errors[0].field", equalTo("branch"))
                .body("errors[0].message", containsString("unknown branch " + branch + "-typo"));
        given().get("/api/referrals/leaders?branch=" + branch + "-typo").then().statusCode(400)
                .body("errors[0].field", equalTo("branch"));
        given().get("/api/referrals/leaders?from=" + to + "&to=" + from).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
    }

    private static UUID member(String branch, String code, UUID click) {
        return TestEvents.registered(new MemberRegistered(UUID.randomUUID(), "测**", TestEvents.randomPhoneHash(), code,
                null, branch, "APP", Instant.now(), click));
    }

    private static void share(UUID member, String channel, String campaign) {
        codeOf(member);
        given().contentType(ContentType.JSON)
                .body(campaign == null ? "{\"channel\":\"" + channel + "\"}"
                        : "{\"channel\":\"" + channel + "\",\"campaign\":\"" + campaign + "\"}")
                .post("/api/members/" + member + "/shares").then().statusCode(201);
    }

    private static void visit(UUID member) {
        TestEvents.publish(TestEvents.envelope(member, new VisitRecorded(UUID.randomUUID(), member, "elsewhere",
                Instant.now())));
    }

    private static UUID purchase(UUID member, long fen) {
        UUID purchase = UUID.randomUUID();
        TestEvents.publish(TestEvents.envelope(member, new PurchaseRecorded(purchase, member, "till-" + purchase, fen,
                "elsewhere", Instant.now(), List.of())));
        return purchase;
    }

    private static JsonPath funnel(Instant from, Instant to, String filter) {
        return given().get("/api/referrals/funnel?from=" + from + "&to=" + to + "&" + filter).then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<Integer> counts(JsonPath report, String group) {
        return report.getList(group == null ? "rows[0].steps.count"
                : "rows.find { it.group == '" + group + "' }.steps.count");
    }
}
