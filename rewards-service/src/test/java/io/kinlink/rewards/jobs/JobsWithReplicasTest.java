package io.kinlink.rewards.jobs;

import static io.kinlink.rewards.RewardsEvents.awaitBalance;
import static io.kinlink.rewards.RewardsEvents.envelope;
import static io.kinlink.rewards.RewardsEvents.publish;
import static io.kinlink.rewards.RewardsEvents.purchase;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kinlink.events.ReferralQualified;
import io.kinlink.rewards.LedgerInvariants;
import io.kinlink.rewards.gate.HeldRewardDecisions;
import io.kinlink.rewards.RewardsEvents;
import io.kinlink.rewards.coupons.CouponService;
import io.kinlink.rewards.holding.HoldingRelease;
import io.kinlink.rewards.lots.PointsExpiry;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * The ledger's timed jobs as two replicas run them: both at the same moment over the same due
 * items. Every due credit is released once, every lot expired once, every coupon expired once,
 * whichever replica got to it.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "rewards"))
class JobsWithReplicasTest {

    private static final int CREDITS = 40;
    private static final long POINTS = 5_000; // level 1's 5% of a 1,000 CNY purchase
    /** Older than any other test's purchases, so the jobs run here find only this test's credits due. */
    private static final Instant BOUGHT = Instant.parse("2018-05-02T03:00:00Z");

    @Inject
    HoldingRelease release;
    @Inject
    PointsExpiry expiry;
    @Inject
    CouponService coupons;
    @Inject
    HeldRewardDecisions heldRewards;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void tillsBranchesAreInTheDirectory() {
        RewardsEvents.knownBranches("shanghai-jingan");
    }

    @AfterEach
    void ledgerInvariantsHold() {
        LedgerInvariants.assertHold();
    }

    @Test
    void two_replicas_releasing_then_expiring_at_once_move_every_due_credit_once() throws Exception {
        List<UUID> referrers = new ArrayList<>();
        List<UUID> buyers = new ArrayList<>();
        for (int i = 0; i < CREDITS; i++) {
            UUID referrer = UUID.randomUUID();
            UUID buyer = UUID.randomUUID();
            referrers.add(referrer);
            buyers.add(buyer);
            publish(purchase(buyer, UUID.randomUUID(), 100_000, BOUGHT, referrer));
        }
        referrers.forEach(referrer -> awaitBalance(referrer, POINTS, 0));

        List<Integer> released = bothReplicasAtOnce(() -> release.releaseDue(BOUGHT.plus(Duration.ofDays(14))));
        assertEquals(CREDITS, released.get(0) + released.get(1), "released " + released + " between the two");
        for (UUID referrer : referrers) {
            awaitBalance(referrer, 0, POINTS);
            assertEquals(1, transactions(referrer, HoldingRelease.REASON), "one release for " + referrer);
        }

        // the referrers' released lots, and the buyers' own-spend lots (available at once), all due
        List<Integer> expired = bothReplicasAtOnce(() -> expiry.expireDue(BOUGHT.plus(400, ChronoUnit.DAYS)));
        long expiries = 0;
        for (UUID referrer : referrers) {
            awaitBalance(referrer, 0, 0);
            assertEquals(1, transactions(referrer, PointsExpiry.REASON), "one expiry for " + referrer);
            expiries++;
        }
        for (UUID buyer : buyers) {
            long ofBuyer = transactions(buyer, PointsExpiry.REASON);
            assertEquals(true, ofBuyer <= 1, ofBuyer + " expiries of one lot of " + buyer);
            expiries += ofBuyer;
        }
        assertEquals(expiries, expired.get(0) + expired.get(1), "expired " + expired + " between the two, each once");
    }

    @Test
    void two_replicas_expiring_coupons_at_once_expire_and_record_each_coupon_once() throws Exception {
        String template = given().contentType(ContentType.JSON).body(Map.of("name", "Replica expiry " + UUID.randomUUID(),
                "faceValueFen", 1_000, "minSpendFen", 0, "validDays", 1)).post("/api/rewards/coupon-templates")
                .then().statusCode(201).extract().path("id");
        UUID member = RewardsEvents.known(UUID.randomUUID());
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            issued.add(given().contentType(ContentType.JSON).body(Map.of("templateId", template,
                            "requestId", "replica-expiry-" + member + "-" + i, "reason", "Replica expiry"))
                    .post("/api/members/" + member + "/rewards/coupons").then().statusCode(201).extract().path("id"));
        }

        Instant later = Instant.now().plus(2, ChronoUnit.DAYS);
        bothReplicasAtOnce(() -> {
            int total = 0;
            for (int batch = coupons.expireDue(later); batch > 0; batch = coupons.expireDue(later)) {
                total += batch; // as the job does: until none is left
            }
            return total;
        });
        for (String coupon : issued) {
            assertEquals("EXPIRED", query("select status from coupon where id = ?::uuid", coupon));
            assertEquals("1", query("select count(*) from coupon_movement where coupon_id = ?::uuid and kind = 'EXPIRED'",
                    coupon), "coupon " + coupon + " expired and recorded once");
        }
    }

    /**
     * September 2018 under a 10% cap: five referrers' qualification coupons (20,000 fen each) meet a
     * budget with room for one at most; the others are held. More revenue makes room for all, and
     * two replicas' release jobs at once pay each held coupon once.
     */
    @Test
    void two_replicas_releasing_held_rewards_at_once_pay_each_once() throws Exception {
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "BUDGET_CAP", "params", Map.of("shareBasisPoints", 1000, "minimumFen", 0),
                        "effectiveFrom", "2018-08-31T16:00:00Z", "effectiveTo", "2018-09-30T16:00:00Z"))
                .post("/api/rewards/rules/budget-cap/versions").then().statusCode(201);
        Instant september = Instant.parse("2018-09-10T04:00:00Z");
        List<UUID> referrers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID referrer = UUID.randomUUID();
            referrers.add(referrer);
            publish(purchase(UUID.randomUUID(), UUID.randomUUID(), 100_000, september, referrer));
        }
        referrers.forEach(referrer -> awaitBalance(referrer, POINTS, 0));
        for (UUID referrer : referrers) {
            publish(envelope(referrer, new ReferralQualified(UUID.randomUUID(), referrer, UUID.randomUUID(),
                    UUID.randomUUID(), 100_000, september.plusSeconds(60))));
        }
        // each referrer's coupon paid or held, as the budget's room allowed when its turn came
        await().atMost(Duration.ofSeconds(20)).until(() -> referrers.stream()
                .allMatch(referrer -> coupons(referrer) + held(referrer, "HELD") == 1));
        long heldBefore = referrers.stream().filter(referrer -> held(referrer, "HELD") == 1).count();
        assertTrue(heldBefore >= 4, heldBefore + " of the five held under a 50,000 fen cap");

        // a large purchase without a referrer: a 150,000 fen cap, room for every held coupon
        publish(purchase(UUID.randomUUID(), UUID.randomUUID(), 1_000_000, september.plusSeconds(120)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/rewards/budget?period=2018-09")
                .then().body("capFen", equalTo(150_000)));
        List<Integer> released = bothReplicasAtOnce(heldRewards::releaseHeld);
        assertTrue(released.get(0) + released.get(1) >= heldBefore, "released " + released + " between the two");
        for (UUID referrer : referrers) {
            assertEquals(1, coupons(referrer), "one qualification coupon for " + referrer);
            assertEquals(0, held(referrer, "HELD"), "nothing left held for " + referrer);
        }
        assertEquals(heldBefore, referrers.stream().mapToLong(referrer -> held(referrer, "RELEASED")).sum(),
                "every held coupon released once");
    }

    private static int coupons(UUID member) {
        return given().get("/api/members/" + member + "/rewards/coupons").then().statusCode(200).extract().path("size()");
    }

    private long held(UUID member, String status) {
        try {
            return Long.parseLong(query("select count(*) from held_reward where member_id = ?::uuid and status = '"
                    + status + "'", member.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a job on two threads released at the same instant, as two replicas' schedulers would; their results. */
    private static List<Integer> bothReplicasAtOnce(Callable<Integer> job) throws Exception {
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int replica = 0; replica < 2; replica++) {
            runs.add(replicas.submit(() -> {
                start.await();
                return job.call();
            }));
        }
        start.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> run : runs) {
            results.add(run.get(120, TimeUnit.SECONDS));
        }
        replicas.shutdown();
        return results;
    }

    private long transactions(UUID member, String reason) throws SQLException {
        return Long.parseLong(query("select count(*) from ledger_transaction where member_id = ?::uuid and reason = '"
                + reason + "'", member.toString()));
    }

    private String query(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
