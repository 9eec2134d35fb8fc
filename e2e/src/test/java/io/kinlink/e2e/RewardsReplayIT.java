package io.kinlink.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kinlink.testsupport.DatabaseServer;
import io.kinlink.testsupport.Infrastructure;
import io.kinlink.testsupport.PortForwarder;
import io.kinlink.testsupport.ServiceProcess;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The rewards database is a function of the event history: two fresh rewards services, each
 * reading the referral topic from the start into an empty database (and publishing nothing),
 * end with the same balances, lots, coupons, held rewards and ledger transactions for this test's
 * members as each other and as the live one. (Other tests' members may hold what no event carries:
 * coupons issued by an operator's request, rewards under rules or caps an operator set through the
 * API, which a replica starts without.)
 */
class RewardsReplayIT {

    private static final String TOPIC = "kinlink.referral-events";

    @BeforeAll
    static void platform() {
        RestAssured.baseURI = RunningPlatform.gatewayUrl();
        RestAssured.requestSpecification = RunningPlatform.asOperator(); // members' own views are SecurityIT's
    }

    @Test
    void replaying_the_whole_event_history_into_an_empty_rewards_database_twice_gives_identical_balances()
            throws Exception {
        String a = register(null);
        String b = register(Signups.codeOf(a));
        String c = register(Signups.codeOf(b));
        String bigPurchase = purchase(c, 300_000);
        purchase(b, 80_000);
        purchase(c, 20_000);
        given().header("X-Api-Key", RunningPlatform.tillKey()).contentType(ContentType.JSON).body(Map.of("purchaseId", bigPurchase,
                        "externalRefundId", "refund-" + UUID.randomUUID(), "amountFen", 100_000))
                .post("/api/refunds").then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .get("/api/members/" + a + "/rewards/balance").then().body("pendingPoints", equalTo(8_400)));
        // level 2 of 3,000 + 200 CNY at 2% (6,000 + 400 points), level 1 of 800 CNY at 5% (4,000 points),
        // less a third of the 6,000 when a third of the 3,000 CNY purchase is refunded

        awaitCaughtUp("rewards-service");
        DatabaseServer postgres = Infrastructure.shared().databaseServer();
        String members = "'" + a + "', '" + b + "', '" + c + "'";
        List<String> live = state(postgres, "e2e_rewards", members);
        assertFalse(live.isEmpty());
        List<String> first = replay(postgres, "e2e_replay_one", members);
        List<String> second = replay(postgres, "e2e_replay_two", members);
        assertEquals(first, second, "two replays of one history");
        assertEquals(live, first, "a replay and the live service");
    }

    /** A rewards service on a new database and consumer group, caught up with the whole topic, then stopped. */
    private static List<String> replay(DatabaseServer postgres, String database, String members) throws Exception {
        Path root = Path.of(System.getProperty("kinlink.root", ".."));
        int port = PortForwarder.freePort();
        Map<String, String> env = new HashMap<>(RunningPlatform.SERVICE_SETTINGS);
        env.putAll(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.ensureDatabase(database),
                "QUARKUS_DATASOURCE_USERNAME", postgres.username(),
                "QUARKUS_DATASOURCE_PASSWORD", postgres.password(),
                "KAFKA_BOOTSTRAP_SERVERS", Infrastructure.shared().kafkaBootstrapServers(),
                // a consumer group of its own for each input (the platform sets the group for every channel)
                "MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_GROUP_ID", database,
                "KINLINK_OUTBOX_PUBLISHING", "false"));
        try (ServiceProcess replay = ServiceProcess.start(root, "rewards-service", port, env,
                root.resolve("e2e/target/service-logs/" + database))) {
            replay.awaitReady(Duration.ofMinutes(2));
            awaitCaughtUp(database);
            return state(postgres, database, members);
        }
    }

    /** Waits until the consumer group has committed the end of every partition of the referral topic. */
    private static void awaitCaughtUp(String group) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers());
        try (Admin admin = Admin.create(config)) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                var partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                partitions.forEach(p -> latest.put(new TopicPartition(TOPIC, p.partition()), OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                // a partition nothing was ever written to has no committed offset, and nothing to catch up on
                return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                        || committed.containsKey(end.getKey())
                        && committed.get(end.getKey()).offset() >= end.getValue().offset());
            });
        }
    }

    /** Balances, lots, coupons, held rewards and transactions of these members (ids quoted for SQL), as sorted lines. */
    private static List<String> state(DatabaseServer postgres, String database, String members) {
        String ofMembers = " where member_id in (" + members + ")";
        List<String> lines = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(),
                postgres.password())) {
            collect(connection, lines, "balance", "select member_id, kind, balance from ledger_account" + ofMembers);
            collect(connection, lines, "lot", "select member_id, amount, remaining, earned_at, expires_at from points_lot"
                    + ofMembers);
            collect(connection, lines, "coupon", "select member_id, idempotency_key, face_value_fen, status from coupon"
                    + ofMembers);
            collect(connection, lines, "held", "select idempotency_key, value_fen, status from held_reward" + ofMembers);
            collect(connection, lines, "transaction", "select idempotency_key, reason, source_type, source_id, rule_id, "
                    + "rule_version, chain_level, occurred_at from ledger_transaction" + ofMembers);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        lines.sort(String::compareTo);
        return lines;
    }

    private static void collect(Connection connection, List<String> lines, String label, String sql)
            throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder line = new StringBuilder(label).append(':');
                for (int i = 1; i <= columns; i++) {
                    line.append(rows.getString(i)).append('|');
                }
                lines.add(line.toString());
            }
        }
    }

    private static String register(String code) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "回放", "branch", "shanghai-jingan",
                "phone", "135" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)),
                "marketingConsent", true, "privacyNoticeVersion", RunningPlatform.privacyNoticeVersion()));
        if (code != null) {
            body.put("referralCode", code);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/members").then().statusCode(201)
                .extract().path("id");
    }

    private static String purchase(String member, long fen) {
        return given().header("X-Api-Key", RunningPlatform.tillKey()).contentType(ContentType.JSON)
                .body(Map.of("memberId", member, "externalTransactionId",
                        "till-" + UUID.randomUUID(), "amountFen", fen, "branch", "shanghai-jingan"))
                .post("/api/purchases").then().statusCode(201).extract().path("id");
    }
}
