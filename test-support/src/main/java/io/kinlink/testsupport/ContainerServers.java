package io.kinlink.testsupport;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka and PostgreSQL in containers, for machines with a Docker engine: {@code KINLINK_TESTCONTAINERS=true}
 * runs every test on them instead of the embedded servers, at the versions the Kubernetes manifests pin
 * (the k8s module checks that these stay equal). Unverified on the project's own machines, which have
 * no Docker engine; there the embedded servers are the default.
 */
public final class ContainerServers {

    /** Strimzi's spec.kafka.version in k8s/overlays. */
    static final String KAFKA_VERSION = "4.2.1";
    /** The PostgreSQL of the CloudNativePG image in k8s/overlays (ghcr.io/cloudnative-pg/postgresql). */
    static final String POSTGRES_VERSION = "18.1";

    private ContainerServers() {
    }

    static KafkaContainer kafka() {
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:" + KAFKA_VERSION));
        kafka.start();
        return kafka;
    }

    static PostgreSQLContainer postgres() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(DockerImageName.parse("postgres:" + POSTGRES_VERSION));
        postgres.start();
        return postgres;
    }

    static DatabaseServer asDatabaseServer(PostgreSQLContainer postgres) {
        return new DatabaseServer("jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432),
                postgres.getUsername(), postgres.getPassword());
    }

    /** For the k8s module's check that the pins agree. */
    public static String kafkaVersion() {
        return KAFKA_VERSION;
    }

    public static String postgresVersion() {
        return POSTGRES_VERSION;
    }
}
