package io.kinlink.referral.analytics;

import static io.kinlink.referral.ReferralApi.awaitBranchOpened;
import static io.kinlink.referral.ReferralApi.codeOf;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kinlink.events.MemberRegistered;
import io.kinlink.events.PurchaseRecorded;
import io.kinlink.events.RefundRecorded;
import io.kinlink.referral.TestEvents;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * A scripted half-year at one branch, dated in 2024 so no other test's members fall in its months,
 * with every numerator and denominator of the referral KPIs known in advance.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "referral"))
class KpiScenarioTest {

    @Test
    void the_referral_kpis_count_exactly_the_scripted_members_per_branch_and_month() {
        String branch = awaitBranchOpened("kpi-" + UUID.randomUUID().toString().substring(0, 8));
        String elsewhere = awaitBranchOpened("kpi-other-" + UUID.randomUUID().toString().substring(0, 8));

        // referrers: three who bought in March, one who never bought (not active)
        UUID r1 = member(branch, null, "2024-01-10");
        UUID r2 = member(branch, null, "2024-01-10");
        UUID r3 = member(branch, null, "2024-01-10");
        member(branch, null, "2024-01-10");
        purchase(r1, "2024-03-01");
        purchase(r2, "2024-03-01");
        purchase(r3, "2024-03-01");
        // June: r1 brings f1, who buys, and f2, who does not; May: r2 brings f3, who buys
        UUID f1 = member(branch, codeOf(r1), "2024-06-05");
        member(branch, codeOf(r1), "2024-06-10");
        UUID f3 = member(branch, codeOf(r2), "2024-05-20");
        purchase(f1, "2024-06-07");
        purchase(f3, "2024-05-25");
        // January: r3 brings three who buy in February; f4 comes back in June, f5 never, f6's second
        // purchase is refunded in full, so it does not count
        UUID f4 = member(branch, codeOf(r3), "2024-01-15");
        UUID f5 = member(branch, codeOf(r3), "2024-01-16");
        UUID f6 = member(branch, codeOf(r3), "2024-01-17");
        purchase(f4, "2024-02-01");
        purchase(f4, "2024-06-20");
        purchase(f5, "2024-02-02");
        purchase(f6, "2024-02-03");
        refundInFull(f6, purchase(f6, "2024-03-01"));
        // another branch: one active member who referred nobody
        purchase(member(elsewhere, null, "2024-02-01"), "2024-06-01");

        // active at June's end: r1-r3, f1, f3, f4-f6 (8); of them r1, r2, r3 brought a friend in the year (3)
        // June's friends: f1, f2 (2), f1 bought (1); retention: f4-f6 first bought before the 90 days, f4 came back
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> kpis("period=2024-06&months=2&branch=" + branch)
                .body("branch", equalTo(branch))
                .body("months.period", equalTo(List.of("2024-05", "2024-06")))
                .body(kpi(1, "REFERRAL_RATE") + ".numerator", equalTo(3))
                .body(kpi(1, "REFERRAL_RATE") + ".denominator", equalTo(8))
                .body(kpi(1, "REFERRAL_CONVERSION") + ".numerator", equalTo(1))
                .body(kpi(1, "REFERRAL_CONVERSION") + ".denominator", equalTo(2))
                .body(kpi(1, "REFERRED_RETENTION") + ".numerator", equalTo(1))
                .body(kpi(1, "REFERRED_RETENTION") + ".denominator", equalTo(3)));
        kpis("period=2024-06&months=2&branch=" + branch)
                .body(kpi(1, "REFERRAL_RATE") + ".value", equalTo(0.375f))
                .body(kpi(1, "REFERRAL_RATE") + ".target", equalTo(0.3f))
                .body(kpi(1, "REFERRAL_RATE") + ".targetMet", equalTo(true))
                .body(kpi(1, "REFERRAL_RATE") + ".scope", equalTo("BRANCH"))
                .body(kpi(1, "REFERRAL_CONVERSION") + ".targetMet", equalTo(false))
                .body(kpi(1, "REFERRED_RETENTION") + ".direction", equalTo("AT_LEAST"))
                // May: f3 attributed and bought; at May's end f4's return had not happened yet
                .body(kpi(0, "REFERRAL_CONVERSION") + ".numerator", equalTo(1))
                .body(kpi(0, "REFERRAL_CONVERSION") + ".denominator", equalTo(1))
                .body(kpi(0, "REFERRED_RETENTION") + ".numerator", equalTo(0))
                .body(kpi(0, "REFERRED_RETENTION") + ".denominator", equalTo(3))
                // active at May's end: r1-r3, f3, f4-f6 (f1 bought in June); r2 and r3 had brought friends
                .body(kpi(0, "REFERRAL_RATE") + ".numerator", equalTo(2))
                .body(kpi(0, "REFERRAL_RATE") + ".denominator", equalTo(7));

        kpis("period=2024-06&branch=" + elsewhere)
                .body(kpi(0, "REFERRAL_RATE") + ".numerator", equalTo(0))
                .body(kpi(0, "REFERRAL_RATE") + ".denominator", equalTo(1))
                .body(kpi(0, "REFERRAL_CONVERSION") + ".denominator", equalTo(0))
                .body(kpi(0, "REFERRAL_CONVERSION") + ".value", nullValue())
                .body(kpi(0, "REFERRAL_CONVERSION") + ".targetMet", nullValue());
    }

    @Test
    void a_bad_month_count_or_branch_is_a_field_error() {
        given().get("/api/referrals/kpis?months=0").then().statusCode(400).body("errors[0].field", equalTo("months"));
        given().get("/api/referrals/kpis?months=25").then().statusCode(400).body("errors[0].field", equalTo("months"));
        given().get("/api/referrals/kpis?period=2024-13").then().statusCode(400).body("errors[0].field", equalTo("period"));
        given().get("/api/referrals/kpis?branch=nowhere-" + UUID.randomUUID()).then().statusCode(400)
                .body("errors[0].field", equalTo("branch"));
    }

    private static ValidatableResponse kpis(String query) {
        return given().get("/api/referrals/kpis?" + query).then().statusCode(200);
    }

    /** The JSON path of one KPI in the report's n-th month. */
    private static String kpi(int month, String id) {
        return "months[" + month + "].kpis.find { it.id == '" + id + "' }";
    }

    private static Instant noonInShanghai(String date) {
        return Instant.parse(date + "T04:00:00Z");
    }

    private static UUID member(String branch, String code, String registered) {
        return TestEvents.registered(new MemberRegistered(UUID.randomUUID(), "测**", TestEvents.randomPhoneHash(), code,
                null, branch, "APP", noonInShanghai(registered), null));
    }

    private static UUID purchase(UUID member, String date) {
        UUID purchase = UUID.randomUUID();
        TestEvents.publish(TestEvents.envelope(member, new PurchaseRecorded(purchase, member, "till-" + purchase,
                100_000, "kpi", noonInShanghai(date), List.of())));
        return purchase;
    }

    private static void refundInFull(UUID member, UUID purchase) {
        TestEvents.publish(TestEvents.envelope(member, new RefundRecorded(UUID.randomUUID(), purchase, member,
                "refund-" + purchase, 100_000, 100_000, 100_000, noonInShanghai("2024-03-05"))));
    }
}
