package io.kinlink.testsupport;

import java.util.Optional;

/**
 * The Kafka broker and PostgreSQL server of this JVM, started once and shared by every test
 * in it. Environment variables point at external servers instead:
 * <ul>
 *   <li>{@code KINLINK_KAFKA_BOOTSTRAP_SERVERS}: a running broker, for example {@code localhost:9092}</li>
 *   <li>{@code KINLINK_POSTGRES_URL} ({@code jdbc:postgresql://host:port}), {@code KINLINK_POSTGRES_USER},
 *       {@code KINLINK_POSTGRES_PASSWORD}: a running server on which databases may be created</li>
 * </ul>
 */
public final class Infrastructure {

    private static final String KAFKA_PROPERTY = "kinlink.infra.kafka-bootstrap-servers";
    private static final String POSTGRES_PROPERTY = "kinlink.infra.postgres";

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
        EmbeddedKafka kafka = EmbeddedKafka.startTemporary();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "stop-embedded-kafka"));
        return kafka.bootstrapServers();
    }

    private static DatabaseServer startOrFindPostgres() {
        Optional<String> external = env("KINLINK_POSTGRES_URL");
        if (external.isPresent()) {
            return new DatabaseServer(external.get(),
                    env("KINLINK_POSTGRES_USER").orElse("postgres"),
                    env("KINLINK_POSTGRES_PASSWORD").orElse("postgres"));
        }
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startTemporary();
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "stop-embedded-postgres"));
        return postgres.asDatabaseServer();
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
