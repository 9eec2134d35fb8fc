package io.kinlink.member.webhooks;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.kinlink.member.TestBranches;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * Two replicas' webhook dispatchers claiming due deliveries at the same moment: each delivery goes
 * to one of them (its row locked and leased by the first), never to both, and none is left behind.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "member"))
class DispatchWithReplicasTest {

    private static final int DELIVERIES = 60;

    @Inject
    WebhookDeliveryRepository deliveries;

    @Test
    void two_dispatchers_claiming_at_once_take_each_due_delivery_once() throws Exception {
        String branch = TestBranches.open("whr-" + UUID.randomUUID().toString().substring(0, 8));
        String key = given().contentType(ContentType.JSON).body(Map.of("name", "Replica check", "branches", List.of(branch)))
                .post("/api/partner-keys").then().statusCode(201).extract().path("partnerKey.id");
        UUID endpoint = UUID.fromString(given().contentType(ContentType.JSON)
                .body(Map.of("partnerKeyId", key, "url", "http://localhost:9/never-called", "eventTypes",
                        List.of("points.credited"), "description", "replicas"))
                .post("/api/webhooks").then().statusCode(201).extract().path("endpoint.id"));
        // due tomorrow: this application's own dispatcher (on today's clock) leaves them to the two below
        Instant due = Instant.now().plus(Duration.ofDays(1));
        Set<UUID> ours = new HashSet<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < DELIVERIES; i++) {
                deliveries.enqueue(endpoint, UUID.randomUUID(), "points.credited", UUID.randomUUID(), "{}",
                        due.plusMillis(i));
            }
        });
        Instant at = due.plusSeconds(60);
        // a lease as a dispatcher takes one; on deliveries other tests may have pending as well, a harmless one
        Instant leaseUntil = Instant.now().plusSeconds(60);

        // the first holds its claim open while the second claims: its locked rows must be skipped, not waited for
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        CompletableFuture<List<WebhookDeliveryRepository.Claimed>> first = CompletableFuture.supplyAsync(() ->
                QuarkusTransaction.requiringNew().call(() -> {
                    List<WebhookDeliveryRepository.Claimed> claimed = deliveries.claimDue(at, DELIVERIES / 2, leaseUntil);
                    firstClaimed.countDown();
                    assertTrue(secondDone.await(30, TimeUnit.SECONDS), "the second dispatcher did not wait on the first");
                    return claimed;
                }));
        assertTrue(firstClaimed.await(30, TimeUnit.SECONDS));
        List<WebhookDeliveryRepository.Claimed> second = QuarkusTransaction.requiringNew().call(() ->
                deliveries.claimDue(at, DELIVERIES + 200, leaseUntil));
        secondDone.countDown();

        Set<UUID> byFirst = new HashSet<>();
        first.get(30, TimeUnit.SECONDS).forEach(claimed -> byFirst.add(claimed.id()));
        Set<UUID> bySecond = new HashSet<>();
        second.forEach(claimed -> bySecond.add(claimed.id()));
        Set<UUID> both = new HashSet<>(byFirst);
        both.retainAll(bySecond);
        assertEquals(Set.of(), both, "claimed by both dispatchers");
        for (WebhookDeliveryRepository.Claimed claimed : first.get()) {
            if (claimed.endpointId().equals(endpoint)) {
                ours.add(claimed.id());
            }
        }
        for (WebhookDeliveryRepository.Claimed claimed : second) {
            if (claimed.endpointId().equals(endpoint)) {
                ours.add(claimed.id());
            }
        }
        assertEquals(DELIVERIES, ours.size(), "every due delivery of the endpoint claimed by one of the two");
        // never sent: gone before their lease ends, so no dispatcher tries the address that is never called
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("delete from webhook_delivery where endpoint_id = ?1").setParameter(1, endpoint)
                .executeUpdate());
    }
}
