package io.kinlink.referral.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kinlink.referral.TestEvents;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.Metrics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What an operator's Prometheus reads from the referral service after a three-level chain buys. */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "referral"))
class MetricsTest {

    private static String codeOf(UUID member) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/api/members/" + member + "/referral-code").then().statusCode(200));
        return given().get("/api/members/" + member + "/referral-code").then().extract().path("code");
    }

    @Test
    void a_chain_a_refusal_and_a_purchase_show_in_the_business_and_platform_metrics_exactly_once() {
        String before = Metrics.scrape();

        UUID top = TestEvents.registered(null, null);
        UUID second = TestEvents.registered(codeOf(top), null);
        UUID third = TestEvents.registered(codeOf(second), null);
        UUID buyer = TestEvents.registered(codeOf(third), null);
        UUID stranger = TestEvents.registered("ZZZZZZZ", null);
        TestEvents.publish(TestEvents.purchase(buyer, 50_000));

        await().atMost(Duration.ofSeconds(30)).until(() -> Metrics.delta(before, Metrics.scrape(),
                "kinlink_purchases_attributed_total", "chain_depth", "3") >= 1
                && Metrics.sum(Metrics.scrape(), "kinlink_outbox_unpublished_events") == 0);
        String after = Metrics.scrape();

        assertEquals(3, Metrics.delta(before, after, "kinlink_referrals_attributed_total"));
        assertEquals(1, Metrics.delta(before, after, "kinlink_referrals_rejected_total", "reason", "UNKNOWN_CODE"));
        assertEquals(1, Metrics.delta(before, after, "kinlink_referrals_rejected_total"));
        assertEquals(1, Metrics.delta(before, after, "kinlink_purchases_attributed_total", "chain_depth", "3"));
        assertEquals(1, Metrics.delta(before, after, "kinlink_purchases_attributed_total"));
        // five registrations and the purchase, each applied once from the member topic
        assertEquals(5, Metrics.delta(before, after, "kinlink_events_processing_seconds_count",
                "topic", "kinlink.member-events", "type", "MemberRegistered", "outcome", "applied"));
        assertEquals(1, Metrics.delta(before, after, "kinlink_events_processing_seconds_count",
                "topic", "kinlink.member-events", "type", "PurchaseRecorded", "outcome", "applied"));
        assertEquals(0, Metrics.delta(before, after, "kinlink_events_dead_lettered_total"));
        assertEquals(0, Metrics.delta(before, after, "kinlink_events_retries_total"));
        // the buyer's first purchase qualified their referral
        assertEquals(1, Metrics.delta(before, after, "kinlink_referrals_qualified_total"));
        // three attributions, the purchase with its chain and the qualification went out on the referral topic
        assertEquals(5, Metrics.delta(before, after, "kinlink_events_recorded_events_total",
                "topic", "kinlink.referral-events"));
        for (UUID member : new UUID[] {top, second, third, buyer, stranger}) {
            assertFalse(after.contains(member.toString()), "no member id in any series");
        }
    }
}
