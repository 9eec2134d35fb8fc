package io.kinlink.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Kafka broker and PostgreSQL server of this JVM, started once and shared by every test
 * in it. Environment variables point at external servers instead:
 * <ul>
 *   <li>{@code KINLINK_KAFKA_BOOTSTRAP_SERVERS}: a running broker, for example {@code localhost:9092}</li>
 *   <li>{@code KINLINK_TESTCONTAINERS=true}: Kafka and PostgreSQL in containers (a Docker engine is needed)</li>
 *   <li>{@code KINLINK_POSTGRES_URL} ({@code jdbc:postgresql://host:port}), {@code KINLINK_POSTGRES_USER},
 *       {@code KINLINK_POSTGRES_PASSWORD}: a running server on which databases may be created</li>
 * </ul>
 */
public final class Infrastructure {

    private static final String KAFKA_PROPERTY = "kinlink.infra.kafka-bootstrap-servers";
    private static final String POSTGRES_PROPERTY = "kinlink.infra.postgres";

    private static final List<Runnable> BEFORE_SERVERS = new ArrayList<>();
    private static final List<AutoCloseable> SERVERS = new ArrayList<>();
    private static boolean hookInstalled;
    private static Infrastructure shared;

    private final String kafkaBootstrapServers;
    private final DatabaseServer databaseServer;

    private Infrastructure(String kafkaBootstrapServers, DatabaseServer databaseServer) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.databaseServer = databaseServer;
    }

    /**
     * The servers of this JVM, started on first use and stopped when the JVM exits. Their
     * addresses are also kept in system properties, because Quarkus tests load classes in more
     * than one class loader and each would otherwise start servers of its own.
     */
    public static synchronized Infrastructure shared() {
        if (shared == null) {
            String kafka = System.getProperty(KAFKA_PROPERTY);
            String postgres = System.getProperty(POSTGRES_PROPERTY);
            if (kafka == null || postgres == null) {
                kafka = startOrFindKafka();
                DatabaseServer server = startOrFindPostgres();
                postgres = String.join("\n", server.baseUrl(), server.username(), server.password());
                System.setProperty(KAFKA_PROPERTY, kafka);
                System.setProperty(POSTGRES_PROPERTY, postgres);
            }
            String[] pg = postgres.split("\n");
            shared = new Infrastructure(kafka, new DatabaseServer(pg[0], pg[1], pg[2]));
        }
        return shared;
    }

    private static String startOrFindKafka() {
        Optional<String> external = env("KINLINK_KAFKA_BOOTSTRAP_SERVERS");
        if (external.isPresent()) {
            return external.get();
        }
        if (containers()) {
            var kafka = ContainerServers.kafka();
            registerStop(kafka::stop);
            return kafka.getBootstrapServers();
        }
        EmbeddedKafka kafka = EmbeddedKafka.startTemporary();
        registerStop(kafka);
        return kafka.bootstrapServers();
    }

    private static DatabaseServer startOrFindPostgres() {
        Optional<String> external = env("KINLINK_POSTGRES_URL");
        if (external.isPresent()) {
            return new DatabaseServer(external.get(),
                    env("KINLINK_POSTGRES_USER").orElse("postgres"),
                    env("KINLINK_POSTGRES_PASSWORD").orElse("postgres"));
        }
        if (containers()) {
            var postgres = ContainerServers.postgres();
            registerStop(postgres::stop);
            return ContainerServers.asDatabaseServer(postgres);
        }
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startTemporary();
        registerStop(postgres);
        return postgres.asDatabaseServer();
    }

    /**
     * Runs {@code stop} when the JVM exits, before the embedded servers stop. The JVM runs
     * separate shutdown hooks concurrently; one ordered hook keeps services from losing their
     * broker and database while they are still shutting down.
     */
    public static void stopBeforeServers(Runnable stop) {
        synchronized (BEFORE_SERVERS) {
            BEFORE_SERVERS.add(0, stop);
        }
    }

    private static void registerStop(AutoCloseable server) {
        synchronized (BEFORE_SERVERS) {
            SERVERS.add(0, server);
            if (!hookInstalled) {
                hookInstalled = true;
                Runtime.getRuntime().addShutdownHook(new Thread(Infrastructure::stopAll, "stop-infrastructure"));
            }
        }
    }

    private static void stopAll() {
        List<Runnable> first;
        List<AutoCloseable> servers;
        synchronized (BEFORE_SERVERS) {
            first = new ArrayList<>(BEFORE_SERVERS);
            servers = new ArrayList<>(SERVERS);
        }
        first.forEach(Infrastructure::quietly);
        servers.forEach(server -> quietly(() -> {
            try {
                server.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            System.err.println("While stopping: " + e);
        }
    }

    /** Testcontainers instead of the embedded servers, where a Docker engine exists. */
    private static boolean containers() {
        return env("KINLINK_TESTCONTAINERS").map(Boolean::parseBoolean).orElse(false);
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public DatabaseServer databaseServer() {
        return databaseServer;
    }
}
