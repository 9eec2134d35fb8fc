package io.kinlink.rewards.metrics;

import static io.kinlink.rewards.RewardsEvents.publish;
import static io.kinlink.rewards.RewardsEvents.purchase;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.Metrics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What an operator's Prometheus reads from the rewards service after one purchase under a three-level chain. */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "rewards"))
class MetricsTest {

    private static final String REBATE = "REFERRAL_REBATE";

    @Test
    void one_purchase_shows_three_credits_at_levels_one_to_three_its_latency_and_no_dead_letter() {
        String before = Metrics.scrape();
        UUID buyer = UUID.randomUUID();
        UUID level1 = UUID.randomUUID();
        UUID level2 = UUID.randomUUID();
        UUID level3 = UUID.randomUUID();

        publish(purchase(buyer, UUID.randomUUID(), 100_000, Instant.now(), level1, level2, level3));

        await().atMost(Duration.ofSeconds(30)).until(() -> Metrics.delta(before, Metrics.scrape(),
                "kinlink_ledger_transactions_total", "reason", REBATE) >= 3
                && Metrics.sum(Metrics.scrape(), "kinlink_outbox_unpublished_events") == 0);
        String after = Metrics.scrape();

        // one credit per level, at the default rates of a 1,000 CNY purchase (5%, 2%, 1% at 100 points per CNY)
        assertEquals(3, Metrics.delta(before, after, "kinlink_ledger_transactions_total", "reason", REBATE));
        long[] points = {5_000, 2_000, 1_000};
        for (int level = 1; level <= 3; level++) {
            String at = Integer.toString(level);
            assertEquals(1, Metrics.delta(before, after, "kinlink_ledger_transactions_total",
                    "reason", REBATE, "level", at), "level " + level);
            assertEquals(points[level - 1], Metrics.delta(before, after, "kinlink_points_credited_total",
                    "reason", REBATE, "level", at), "level " + level);
        }
        // the purchase was applied once from the referral topic, and its pipeline latency measured once
        assertEquals(1, Metrics.delta(before, after, "kinlink_events_processing_seconds_count",
                "topic", "kinlink.referral-events", "type", "PurchaseAttributed", "outcome", "applied"));
        assertEquals(1, Metrics.delta(before, after, "kinlink_pipeline_latency_seconds_count"));
        assertEquals(1, Metrics.delta(before, after, "kinlink_pipeline_latency_seconds_bucket", "le", "+Inf"));
        assertEquals(0, Metrics.delta(before, after, "kinlink_events_dead_lettered_total"));
        // every credit went out as a PointsCredited event
        double credits = Metrics.delta(before, after, "kinlink_ledger_transactions_total", "reason", REBATE)
                + Metrics.delta(before, after, "kinlink_ledger_transactions_total", "reason", "OWN_SPEND");
        assertEquals(credits, Metrics.delta(before, after, "kinlink_events_recorded_events_total",
                "topic", "kinlink.rewards-events", "type", "PointsCredited"));

        List<String> names = Metrics.names(after);
        for (String gauge : List.of("kinlink_budget_cap_fen", "kinlink_budget_spent_fen", "kinlink_rewards_held_rewards",
                "kinlink_rewards_oldest_held_age_seconds", "kinlink_coupons_total")) {
            assertTrue(names.contains(gauge), gauge + " is measured");
        }
        for (UUID member : List.of(buyer, level1, level2, level3)) {
            assertFalse(after.contains(member.toString()), "no member id in any series");
        }
    }
}
