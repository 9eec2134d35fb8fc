package io.kinlink.member.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TestIdentity;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The buckets gateway replicas share: a limit's tokens are handed out once, whoever asks. */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "member"))
class RateLeaseTest {

    private static String newBucket() {
        return HexFormat.of().formatHex(UUID.randomUUID().toString().replace("-", "").getBytes()).substring(0, 64);
    }

    private static ValidatableResponse lease(String bucket, int perMinute, int burst, int wanted, int returned) {
        return given().header("Authorization", "Bearer " + TestIdentity.gateway()).contentType(ContentType.JSON)
                .body(Map.of("bucket", bucket, "perMinute", perMinute, "burst", burst, "wanted", wanted,
                        "returned", returned))
                .post("/internal/rate-leases").then();
    }

    private static int granted(String bucket, int perMinute, int burst, int wanted, int returned) {
        return lease(bucket, perMinute, burst, wanted, returned).statusCode(200).extract().path("granted");
    }

    @Test
    void a_bucket_starts_full_hands_out_its_burst_then_says_when_the_next_token_comes() {
        String bucket = newBucket();
        assertEquals(3, granted(bucket, 6, 10, 3, 0));
        assertEquals(7, granted(bucket, 6, 10, 10, 0), "what is left of the burst, not what was asked for");
        // 6 a minute: one token every 10 s
        lease(bucket, 6, 10, 1, 0).statusCode(200).body("granted", equalTo(0)).body("retryAfterSeconds", equalTo(10));
    }

    @Test
    void time_refills_up_to_the_burst_and_unspent_tokens_come_back() {
        String bucket = newBucket();
        assertEquals(10, granted(bucket, 60, 10, 10, 0));
        assertEquals(4, granted(bucket, 60, 10, 5, 4), "the four a replica did not spend come back");
        // half a minute later at 60 a minute: 30 tokens, but never more than the burst
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("update rate_bucket set refilled_at = refilled_at - interval '30 seconds' where id = ?1")
                .setParameter(1, bucket).executeUpdate());
        assertEquals(10, granted(bucket, 60, 10, 50, 0));
    }

    @Test
    void gateways_asking_at_once_never_take_the_same_token_twice() throws Exception {
        String bucket = newBucket();
        ExecutorService gateways = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> leases = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                leases.add(gateways.submit(() -> granted(bucket, 1, 40, 2, 0)));
            }
            int total = 0;
            for (Future<Integer> lease : leases) {
                total += lease.get();
            }
            assertEquals(40, total, "the burst, handed out once across 64 concurrent leases");
        } finally {
            gateways.shutdownNow();
        }
    }

    @Test
    void a_malformed_lease_is_refused_field_by_field() {
        given().header("Authorization", "Bearer " + TestIdentity.gateway()).contentType(ContentType.JSON)
                .body(Map.of("bucket", "203.0.113.7", "perMinute", 0, "burst", 10, "wanted", 1, "returned", 0))
                .post("/internal/rate-leases").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("bucket"))
                .body("errors.field", hasItem("perMinute"));
    }
}
