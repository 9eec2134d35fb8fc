package io.kinlink.testsupport;

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

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** Starts a broker in a fresh temporary directory that is deleted on close. */
    public static EmbeddedKafka startTemporary() {
        return start(null);
    }

    /**
     * Starts a broker whose logs live under {@code dataDir} (kept on close), or in a temporary
     * directory when {@code dataDir} is null.
     */
    public static EmbeddedKafka start(Path dataDir) {
        try {
            TestKitNodes.Builder nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1);
            boolean alreadyFormatted = false;
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                alreadyFormatted = containsMetaProperties(dataDir);
                nodes.setBaseDirectory(dataDir).setClusterId(CLUSTER_ID);
            }
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes.build())
                    .setDeleteOnClose(dataDir == null);
            brokerSettings().forEach(builder::setConfigProp);
            KafkaClusterTestKit cluster = builder.build();
            if (!alreadyFormatted) {
                cluster.format();
            }
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafka(cluster);
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

    private static boolean containsMetaProperties(Path dir) throws java.io.IOException {
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
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the embedded Kafka broker", e);
        }
    }
}
