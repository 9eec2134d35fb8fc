package io.kinlink.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker as a process of its own (Kafka's {@code kafka.Kafka} from the test
 * class path), on fixed ports and a data directory that outlives it: it can be killed with
 * SIGKILL and started again on the same log, as a crashed broker pod would be.
 */
final class KafkaBroker implements AutoCloseable {

    private final Path directory;
    private final int port;
    private Process process;
    private int starts;

    private KafkaBroker(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Formats a fresh log directory under {@code directory} and starts the broker. */
    static KafkaBroker start(Path directory, int port, int controllerPort) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("server.properties"), String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("log"),
                // one broker: every internal topic with one replica, or consumers silently receive nothing
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "num.partitions=4",
                "auto.create.topics.enable=true",
                ""));
        KafkaBroker broker = new KafkaBroker(directory, port);
        int formatted = broker.java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                directory.resolve("server.properties").toString()).waitFor();
        if (formatted != 0) {
            throw new IllegalStateException("Formatting the broker's log failed; see " + directory.resolve("broker.log"));
        }
        broker.restart();
        return broker;
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Starts the broker on its log as it was left, and waits until it answers. */
    void restart() throws IOException, InterruptedException {
        starts++;
        process = java("kafka.Kafka", directory.resolve("server.properties").toString());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("The broker did not start; see " + directory.resolve("broker.log"));
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    /** SIGKILL: no clean shutdown, no flush; the next start recovers the log. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private Process java(String mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("broker.log").toFile())).start();
    }

    int starts() {
        return starts;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
