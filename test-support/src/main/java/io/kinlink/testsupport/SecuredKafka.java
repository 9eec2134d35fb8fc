package io.kinlink.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A single-node Kafka (KRaft, broker and controller in one) in this JVM that lets in only who
 * knows the password: SASL/SCRAM-SHA-512 for clients, as Strimzi's KafkaUsers do in production,
 * on loopback only. The SCRAM user is written into the cluster's metadata when the data directory
 * is formatted, so it exists from the first start; the controller listener has a PLAIN password
 * of its own. Used by the local stack, and by tests that prove the services connect this way.
 */
public final class SecuredKafka implements AutoCloseable {

    public static final String USERNAME = "kinlink";
    /** Fixed, so that a kept data directory is the same cluster at the next start ("Kinlink!LocalKaf"). */
    private static final String CLUSTER_ID = new Uuid(0x4b696e6c696e6b21L, 0x4c6f63616c4b6166L).toString();

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String password;
    private final Path temporaryDir;

    private SecuredKafka(KafkaRaftServer server, String bootstrapServers, String password, Path temporaryDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.password = password;
        this.temporaryDir = temporaryDir;
    }

    /** A broker in a temporary directory, deleted when it stops. */
    public static SecuredKafka startTemporary(String password) {
        try {
            Path dir = Files.createTempDirectory("kinlink-secured-kafka-");
            return start(dir, password, dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A broker whose data lives in {@code dataDir}, kept on close; {@code password} is the client user's. */
    public static SecuredKafka start(Path dataDir, String password) {
        return start(dataDir, password, null);
    }

    private static SecuredKafka start(Path dataDir, String password, Path temporaryDir) {
        if (!password.matches("[A-Za-z0-9]{16,}")) {
            throw new IllegalArgumentException("The Kafka password must be 16 or more letters and digits");
        }
        try {
            Files.createDirectories(dataDir);
            int port = PortForwarder.freePort();
            String controllerPassword = RandomKeys.password();
            Properties config = config(dataDir.resolve("logs"), port, PortForwarder.freePort(), password, controllerPassword);
            format(dataDir, config, password);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
            server.startup();
            return new SecuredKafka(server, "127.0.0.1:" + port, password, temporaryDir);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the secured Kafka broker", e);
        }
    }

    private static Properties config(Path logDir, int port, int controllerPort, String password,
                                     String controllerPassword) {
        Properties config = new Properties();
        EmbeddedKafka.brokerSettings().forEach(config::put);
        config.putAll(Map.of(
                "process.roles", "broker,controller",
                "node.id", "1",
                "controller.quorum.voters", "1@127.0.0.1:" + controllerPort,
                "listeners", "CLIENTS://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners", "CLIENTS://127.0.0.1:" + port,
                "listener.security.protocol.map", "CLIENTS:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT",
                "inter.broker.listener.name", "CLIENTS",
                "controller.listener.names", "CONTROLLER",
                "log.dirs", logDir.toString()));
        config.putAll(Map.of(
                "listener.name.clients.sasl.enabled.mechanisms", "SCRAM-SHA-512",
                "sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512",
                "listener.name.clients.scram-sha-512.sasl.jaas.config", scram(USERNAME, password),
                "listener.name.controller.sasl.enabled.mechanisms", "PLAIN",
                "sasl.mechanism.controller.protocol", "PLAIN",
                "listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"controller\" password=\""
                        + controllerPassword + "\" user_controller=\"" + controllerPassword + "\";"));
        return config;
    }

    /** Formats the data directory once, with the client user; a formatted directory is left as it is. */
    private static void format(Path dataDir, Properties config, String password) throws IOException {
        Path file = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            config.store(out, "Written by Kinlink's local stack at every start");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = StorageTool.execute(new String[] {"format", "--config", file.toString(), "--cluster-id",
                CLUSTER_ID, "--add-scram", "SCRAM-SHA-512=[name=" + USERNAME + ",password=" + password + "]",
                "--ignore-formatted"}, new PrintStream(output, true, StandardCharsets.UTF_8));
        Files.delete(file); // it holds the passwords
        if (status != 0) {
            throw new IllegalStateException("Could not format Kafka's storage: " + output);
        }
    }

    private static String scram(String username, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + username
                + "\" password=\"" + password + "\";";
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** What a Kafka client needs to connect, as client properties. */
    public Map<String, String> clientProperties() {
        return Map.of("bootstrap.servers", bootstrapServers, "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", scram(USERNAME, password));
    }

    /** The same for a Quarkus service, as environment variables ({@code kafka.*} configuration). */
    public Map<String, String> serviceEnvironment() {
        return Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", scram(USERNAME, password));
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (temporaryDir != null) {
            Folders.delete(temporaryDir);
        }
    }
}
