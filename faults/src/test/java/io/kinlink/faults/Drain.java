package io.kinlink.faults;

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until what the workload set off has run its course: every outbox is empty and every
 * consumer group has committed up to the end of every partition it reads, twice in a row.
 */
final class Drain {

    private static final Duration PATIENCE = Duration.ofMinutes(4);

    private Drain() {
    }

    /** How long draining took; throws with what is still pending when it does not finish. */
    static Duration await(Cluster cluster, Databases databases) throws Exception {
        long start = System.nanoTime();
        int quietReadings = 0;
        String pending = "";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            while (System.nanoTime() - start < PATIENCE.toNanos()) {
                pending = unpublished(databases) + lag(admin);
                quietReadings = pending.isEmpty() ? quietReadings + 1 : 0;
                if (quietReadings == 2) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
                Thread.sleep(1_000);
            }
        }
        throw new IllegalStateException("Not drained after " + PATIENCE + ": " + pending);
    }

    private static String unpublished(Databases databases) throws SQLException {
        databases.refresh();
        StringBuilder pending = new StringBuilder();
        for (String service : Databases.SERVICES) {
            long waiting = databases.count(service, "select count(*) from outbox_event where published_at is null");
            if (waiting > 0) {
                pending.append(service).append(" outbox ").append(waiting).append("; ");
            }
        }
        return pending.toString();
    }

    private static String lag(Admin admin) throws ExecutionException, InterruptedException {
        StringBuilder pending = new StringBuilder();
        for (GroupListing group : admin.listGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            long lag = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                long at = entry.getValue() == null ? 0 : entry.getValue().offset();
                lag += Math.max(0, ends.get(entry.getKey()).offset() - at);
            }
            if (lag > 0) {
                pending.append(group.groupId()).append(" lag ").append(lag).append("; ");
            }
        }
        return pending.toString();
    }
}
