package io.kinlink.rewards.coupons;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.kinlink.rewards.RewardsEvents;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * Every reward takes the month's budget lock before a member's points lock. An operator's coupon
 * took them the other way round, and deadlocked with purchases being credited to the same member
 * (the fault suite saw the operator get a 500): now it waits for the month without holding the member.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "rewards"))
class CouponLockOrderTest {

    @Inject
    DataSource dataSource;

    @Test
    void an_operators_coupon_waits_for_the_month_before_it_holds_the_member() throws Exception {
        String template = given().contentType(ContentType.JSON).body(Map.of("name", "Lock order", "faceValueFen", 1_000,
                "minSpendFen", 0, "validDays", 30)).post("/api/rewards/coupon-templates").then().statusCode(201)
                .extract().path("id");
        UUID member = RewardsEvents.known(UUID.randomUUID());
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        try (Connection budgetHolder = dataSource.getConnection(); Connection probe = dataSource.getConnection()) {
            budgetHolder.setAutoCommit(false);
            lock(budgetHolder, "budget:" + month);
            CompletableFuture<Integer> issued = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                    .body(Map.of("templateId", template, "requestId", "lock-order", "reason", "Lock order"))
                    .post("/api/members/" + member + "/rewards/coupons").then().extract().statusCode());
            Thread.sleep(1_000);
            probe.setAutoCommit(false);
            assertTrue(tryLock(probe, "points:" + member),
                    "the coupon holds the member's points lock while it waits for the month's budget");
            probe.rollback();
            budgetHolder.rollback();
            assertEquals(201, issued.get(30, TimeUnit.SECONDS));
        }
    }

    private static void lock(Connection connection, String key) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_xact_lock(hashtextextended('" + key + "', 0))");
        }
    }

    private static boolean tryLock(Connection connection, String key) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select pg_try_advisory_xact_lock(hashtextextended('" + key
                     + "', 0))")) {
            result.next();
            return result.getBoolean(1);
        }
    }
}
