package io.kinlink.member.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kinlink.member.TestMembers;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.Metrics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What an operator's Prometheus reads from the member service after one registration and one purchase. */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "member"))
class MetricsTest {

    @Test
    void a_registration_and_a_purchase_show_in_the_business_and_platform_metrics_exactly_once() {
        String before = Metrics.scrape();

        String member = TestMembers.register();
        Map<String, Object> purchase = Map.of("memberId", member, "externalTransactionId", "till-" + UUID.randomUUID(),
                "amountFen", 128_000, "branch", "shanghai-jingan");
        given().contentType(ContentType.JSON).body(purchase).when().post("/api/purchases").then().statusCode(201);
        // the till retries: the same purchase, answered again, counted once
        given().contentType(ContentType.JSON).body(purchase).when().post("/api/purchases").then().statusCode(200);

        // the relay has published both events once nothing waits in the outbox
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            String now = Metrics.scrape();
            return Metrics.sum(now, "kinlink_outbox_unpublished_events") == 0
                    && Metrics.delta(before, now, "kinlink_outbox_published_events_total",
                    "topic", "kinlink.member-events") >= 2;
        });
        String after = Metrics.scrape();

        assertEquals(1, Metrics.delta(before, after, "kinlink_members_registered_total",
                "channel", "APP", "with_code", "false"));
        assertEquals(1, Metrics.delta(before, after, "kinlink_purchases_recorded_total"));
        assertEquals(128_000, Metrics.delta(before, after, "kinlink_purchases_amount_fen_total"));
        assertEquals(1, Metrics.delta(before, after, "kinlink_events_recorded_events_total",
                "topic", "kinlink.member-events", "type", "PurchaseRecorded"));
        assertEquals(1, Metrics.delta(before, after, "kinlink_events_recorded_events_total",
                "topic", "kinlink.member-events", "type", "MemberRegistered"));
        assertEquals(0, Metrics.sum(after, "kinlink_outbox_oldest_unpublished_age_seconds"));
        assertEquals(0, Metrics.delta(before, after, "kinlink_events_dead_lettered_total"));
        assertTrue(after.contains("kinlink_events_dead_lettered_total{reason=\"retries_exhausted\",topic=\"kinlink.referral-events\"}"),
                "the dead-letter counter of each consumed topic is there at zero");

        // HTTP by route template and status: the first answer created, the retry answered 200
        assertEquals(1, Metrics.delta(before, after, "http_server_requests_seconds_count",
                "method", "POST", "uri", "/api/purchases", "status", "201"));
        assertEquals(1, Metrics.delta(before, after, "http_server_requests_seconds_count",
                "method", "POST", "uri", "/api/purchases", "status", "200"));
        assertFalse(after.contains(member), "no member id in any series");

        // the JVM, the connection pool and the consumers' lag (the client's own metrics; the per-partition
        // series join within a minute, when the Kafka binder next looks for new client metrics)
        List<String> names = Metrics.names(after);
        for (String expected : List.of("jvm_memory_used_bytes", "agroal_active_count",
                "kafka_consumer_fetch_manager_records_lag_max", "http_server_requests_seconds_bucket")) {
            assertTrue(names.contains(expected), expected + " is measured");
        }
    }
}
