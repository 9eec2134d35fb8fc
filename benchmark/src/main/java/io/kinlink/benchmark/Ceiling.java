package io.kinlink.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
    static final int RECORD_BYTES = 400;
    /** Serialization failure and deadlock: the service's consumers retry these, and so does the calibration. */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01");
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
        // a forest of chains of three referrers: purchases in one chain lock its accounts nearest first,
        // as the service's do, so credits never wait on each other in a cycle
        List<List<UUID>> chains = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            chains.add(List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
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
                        try {
                            credit.run(chains.get(ThreadLocalRandom.current().nextInt(chains.size())));
                            connection.commit();
                            committed.incrementAndGet();
                        } catch (SQLException e) {
                            connection.rollback();
                            if (!RETRYABLE.contains(e.getSQLState())) {
                                throw e;
                            }
                        }
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

    /** {@code records} records of the pipeline's size, acknowledged by the broker (acks=all, idempotent); per second. */
    private static double produce(String kafka, String topic, int records) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
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
