package io.kinlink.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.kinlink.testsupport.DatabaseServer;

/**
 * What this machine allows the pipeline at most, measured in the same run: the rewards service's
 * credit transaction for a three-level chain (its own SQL, on copies of its tables with the same
 * indexes and keys) straight over JDBC from several clients, and Kafka's produce and consume rates
 * for records of the pipeline's size. The pipeline's ceiling is the lower of the two, the broker's
 * rate divided by the records one purchase makes on its way.
 */
final class Ceiling {

    /** PurchaseRecorded, PurchaseAttributed and three PointsCredited: the records one purchase makes. */
    static final int RECORDS_PER_PURCHASE = 5;
    private static final int CLIENTS = 8;
    private static final int RECORD_BYTES = 400;
    private static final String[] TABLES = {"ledger_account", "ledger_transaction", "ledger_entry", "points_lot",
        "processed_event", "outbox_event"};

    /** Commits a second of the credit transaction; Kafka records a second produced and consumed. */
    record Figures(double creditsPerSecond, double producedPerSecond, double consumedPerSecond) {

        double purchasesPerSecond() {
            return Math.min(creditsPerSecond, Math.min(producedPerSecond, consumedPerSecond) / RECORDS_PER_PURCHASE);
        }
    }

    private Ceiling() {
    }

    static Figures measure(DatabaseServer postgres, String rewardsDatabase, String kafka, int seconds, int records)
            throws Exception {
        double credits = credits(postgres, rewardsDatabase, seconds);
        String topic = "kinlink.bench-ceiling-" + System.currentTimeMillis();
        double produced = produce(kafka, topic, records);
        double consumed = consume(kafka, topic, records);
        return new Figures(credits, produced, consumed);
    }

    /** {@link #CLIENTS} connections committing credit transactions for {@code seconds}; commits per second. */
    private static double credits(DatabaseServer postgres, String database, int seconds) throws Exception {
        String url = postgres.jdbcUrl(database);
        try (Connection setup = DriverManager.getConnection(url, postgres.username(), postgres.password());
             Statement ddl = setup.createStatement()) {
            ddl.execute("drop schema if exists ceiling cascade");
            ddl.execute("create schema ceiling");
            for (String table : TABLES) {
                ddl.execute("create table ceiling." + table + " (like public." + table + " including all)");
            }
            ddl.execute("alter table ceiling.ledger_entry add foreign key (transaction_id) "
                    + "references ceiling.ledger_transaction (id)");
            ddl.execute("alter table ceiling.ledger_entry add foreign key (account_id) references ceiling.ledger_account (id)");
            ddl.execute("alter table ceiling.points_lot add foreign key (source_transaction_id) "
                    + "references ceiling.ledger_transaction (id)");
        }
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            members.add(UUID.randomUUID());
        }
        AtomicLong committed = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> clients = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Thread client = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(url + "?currentSchema=ceiling",
                        postgres.username(), postgres.password())) {
                    connection.setAutoCommit(false);
                    CreditTransaction credit = new CreditTransaction(connection);
                    while (System.nanoTime() < end) {
                        credit.run(members);
                        connection.commit();
                        committed.incrementAndGet();
                    }
                } catch (SQLException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "ceiling-" + i);
            clients.add(client);
            client.start();
        }
        for (Thread client : clients) {
            client.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        try (Connection cleanup = DriverManager.getConnection(url, postgres.username(), postgres.password());
             Statement ddl = cleanup.createStatement()) {
            ddl.execute("drop schema ceiling cascade");
        }
        return committed.get() / (double) seconds;
    }

    /**
     * One purchase's credits as the rewards service writes them (see its Ledger, PointsLots, the
     * platform's Inbox and Outbox): the inbox claim, then per level the transaction claimed by its
     * idempotency key, the two legs (member and programme account, created when missing), the
     * member's cached balance, the points lot and the PointsCredited event.
     */
    private static final class CreditTransaction {

        private final PreparedStatement inbox;
        private final PreparedStatement transaction;
        private final PreparedStatement account;
        private final PreparedStatement memberAccount;
        private final PreparedStatement programmeAccount;
        private final PreparedStatement entry;
        private final PreparedStatement balance;
        private final PreparedStatement lot;
        private final PreparedStatement outbox;

        CreditTransaction(Connection connection) throws SQLException {
            inbox = connection.prepareStatement("insert into processed_event (consumer, event_id, processed_at) values (?, ?, ?)");
            transaction = connection.prepareStatement("""
                    insert into ledger_transaction (id, idempotency_key, member_id, reason, source_type, source_id,
                        source_event_id, rule_id, rule_version, chain_level, explanation, occurred_at, recorded_at)
                    values (?, ?, ?, 'REFERRAL_REBATE', 'PURCHASE', ?, ?, 'referral-rebate', 1, ?, ?, ?, ?)
                    on conflict (idempotency_key) do nothing""");
            account = connection.prepareStatement("insert into ledger_account (id, member_id, kind, balance) "
                    + "values (?, ?, ?, ?) on conflict do nothing");
            memberAccount = connection.prepareStatement("select id from ledger_account where member_id = ? and kind = ?");
            programmeAccount = connection.prepareStatement("select id from ledger_account where member_id is null and kind = ?");
            entry = connection.prepareStatement("insert into ledger_entry (transaction_id, account_id, amount, available_at) "
                    + "values (?, ?, ?, ?)");
            balance = connection.prepareStatement("update ledger_account set balance = balance + ? where id = ?");
            lot = connection.prepareStatement("insert into points_lot (id, member_id, source_transaction_id, earned_at, "
                    + "expires_at, amount, remaining) values (?, ?, ?, ?, ?, ?, ?)");
            outbox = connection.prepareStatement("insert into outbox_event (id, topic, event_key, event_type, event_version, "
                    + "occurred_at, payload) values (?, 'kinlink.rewards-events', ?, 'PointsCredited', 1, ?, ?)");
        }

        void run(List<UUID> members) throws SQLException {
            Timestamp now = Timestamp.from(Instant.now());
            UUID event = UUID.randomUUID();
            String purchase = "bench-" + event;
            inbox.setString(1, "rewards-service/referral-events");
            inbox.setObject(2, event);
            inbox.setTimestamp(3, now);
            inbox.executeUpdate();
            for (int level = 1; level <= 3; level++) {
                UUID member = members.get(ThreadLocalRandom.current().nextInt(members.size()));
                UUID id = UUID.randomUUID();
                long points = 100L * level;
                transaction.setObject(1, id);
                transaction.setString(2, "PURCHASE:" + purchase + ":referral-rebate:" + level);
                transaction.setObject(3, member);
                transaction.setString(4, purchase);
                transaction.setObject(5, event);
                transaction.setInt(6, level);
                transaction.setString(7, "Referral rebate, level " + level);
                transaction.setTimestamp(8, now);
                transaction.setTimestamp(9, now);
                transaction.executeUpdate();
                UUID mine = accountOf(member, "MEMBER_POINTS_PENDING");
                UUID programme = accountOf(null, "PROGRAM_POINTS_ISSUED");
                leg(id, mine, points, now);
                balance.setLong(1, points);
                balance.setObject(2, mine);
                balance.executeUpdate();
                leg(id, programme, -points, null);
                lot.setObject(1, UUID.randomUUID());
                lot.setObject(2, member);
                lot.setObject(3, id);
                lot.setTimestamp(4, now);
                lot.setTimestamp(5, Timestamp.from(Instant.now().plus(Duration.ofDays(365))));
                lot.setLong(6, points);
                lot.setLong(7, points);
                lot.executeUpdate();
                outbox.setObject(1, UUID.randomUUID());
                outbox.setString(2, member.toString());
                outbox.setTimestamp(3, now);
                outbox.setString(4, "x".repeat(RECORD_BYTES));
                outbox.executeUpdate();
            }
        }

        private UUID accountOf(UUID member, String kind) throws SQLException {
            account.setObject(1, UUID.randomUUID());
            account.setObject(2, member);
            account.setString(3, kind);
            account.setObject(4, member == null ? null : 0L);
            account.executeUpdate();
            PreparedStatement select = member == null ? programmeAccount : memberAccount;
            if (member == null) {
                select.setString(1, kind);
            } else {
                select.setObject(1, member);
                select.setString(2, kind);
            }
            try (var found = select.executeQuery()) {
                found.next();
                return (UUID) found.getObject(1);
            }
        }

        private void leg(UUID transactionId, UUID accountId, long amount, Timestamp availableAt) throws SQLException {
            entry.setObject(1, transactionId);
            entry.setObject(2, accountId);
            entry.setLong(3, amount);
            entry.setTimestamp(4, availableAt);
            entry.executeUpdate();
        }
    }

    /** {@code records} records of the pipeline's size, acknowledged by the broker (acks=all, idempotent); per second. */
    private static double produce(String kafka, String topic, int records) throws Exception {
        try (Admin admin = Admin.create(java.util.Map.of("bootstrap.servers", kafka))) {
            admin.createTopics(List.of(new NewTopic(topic, 4, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties config = new Properties();
        config.put("bootstrap.servers", kafka);
        config.put("acks", "all");
        config.put("enable.idempotence", "true");
        config.put("linger.ms", "5");
        String value = "x".repeat(RECORD_BYTES);
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value));
            }
            producer.flush();
        }
        return records / ((System.nanoTime() - started) / 1e9);
    }

    /** Reads the records back from the start in one consumer group; per second. */
    private static double consume(String kafka, String topic, int records) {
        Properties config = new Properties();
        config.put("bootstrap.servers", kafka);
        config.put("group.id", topic + "-reader");
        config.put("auto.offset.reset", "earliest");
        long started = System.nanoTime();
        long read = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (read < records && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(200));
                read += batch.count();
                if (!batch.isEmpty()) {
                    consumer.commitSync();
                }
            }
        }
        return read / ((System.nanoTime() - started) / 1e9);
    }
}
