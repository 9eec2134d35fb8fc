package io.kinlink.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka KRaft cluster (combined broker and controller) in this JVM.
 * Replication factors are 1: with the default of 3, the group coordinator cannot create
 * its offsets topic and consumers silently receive nothing.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** Fixed so that a persistent data directory can be reused by the next start. */
    private static final String CLUSTER_ID = "kinlink-local-kraft01";

    private final KafkaClusterTestKit cluster;
    private final Path temporaryDir;

    private EmbeddedKafka(KafkaClusterTestKit cluster, Path temporaryDir) {
        this.cluster = cluster;
        this.temporaryDir = temporaryDir;
    }

    /**
     * Starts a broker in a temporary directory that is deleted after the broker stops. The
     * directory is ours rather than the test kit's: the kit's own temporary directories are
     * deleted by a JVM shutdown hook of Kafka's, which can run while the broker is still
     * stopping, and a broker that loses its log directories halts the JVM.
     */
    public static EmbeddedKafka startTemporary() {
        try {
            Path dir = Files.createTempDirectory("kinlink-kafka-");
            return start(dir, dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a broker whose logs live under {@code dataDir}, kept on close. */
    public static EmbeddedKafka start(Path dataDir) {
        return start(dataDir, null);
    }

    private static EmbeddedKafka start(Path dataDir, Path temporaryDir) {
        try {
            Files.createDirectories(dataDir);
            boolean alreadyFormatted = containsMetaProperties(dataDir);
            TestKitNodes.Builder nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(dataDir)
                    .setClusterId(CLUSTER_ID);
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes.build())
                    .setDeleteOnClose(false);
            brokerSettings().forEach(builder::setConfigProp);
            KafkaClusterTestKit cluster = builder.build();
            if (!alreadyFormatted) {
                cluster.format();
            }
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafka(cluster, temporaryDir);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded Kafka broker", e);
        }
    }

    static Map<String, Object> brokerSettings() {
        return Map.of(
                "offsets.topic.replication.factor", "1",
                "offsets.topic.num.partitions", "4",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0",
                "num.partitions", "4",
                "auto.create.topics.enable", "true");
    }

    private static boolean containsMetaProperties(Path dir) throws IOException {
        try (var files = Files.walk(dir, 3)) {
            return files.anyMatch(p -> p.getFileName().toString().equals("meta.properties"));
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() {
        try {
            cluster.close();
            if (temporaryDir != null) {
                Folders.delete(temporaryDir);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the embedded Kafka broker", e);
        }
    }
}
