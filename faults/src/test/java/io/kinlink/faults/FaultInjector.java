package io.kinlink.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.kinlink.testsupport.ServiceProcess;

/** Makes a schedule's faults happen to the cluster, one after another at their moments, and says what each did. */
final class FaultInjector {

    static final List<String> EVENT_TOPICS = List.of("kinlink.member-events", "kinlink.referral-events",
            "kinlink.rewards-events");
    /** How far a rewound consumer group goes back on each partition. */
    private static final int REWIND_RECORDS = 40;
    /** The platform's failpoints (io.kinlink.platform.fault.Failpoints), armed by KINLINK_FAILPOINT. */
    private static final String CONSUMER_AFTER_COMMIT = "consumer-after-commit";
    private static final String RELAY_AFTER_SEND = "relay-after-send";
    private static final Duration FAILPOINT_PATIENCE = Duration.ofSeconds(20);
    /** Longer than a consumer's retries last (five tries from 200 ms, about 3 s): an outage is not a poison event. */
    private static final Duration DATABASE_OUTAGE = Duration.ofSeconds(8);

    private final Cluster cluster;
    private final Random random;
    private final List<String> outcomes = new ArrayList<>();

    FaultInjector(Cluster cluster, long seed) {
        this.cluster = cluster;
        this.random = new Random(seed * 31 + 7);
    }

    /** Runs the schedule from {@code start} (System.nanoTime()); returns when the last fault is over and all is running. */
    void run(FaultSchedule schedule, long start) throws Exception {
        for (FaultSchedule.Fault fault : schedule.faults()) {
            long wait = start + fault.at().toNanos() - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            outcomes.add(fault + ": " + inject(fault));
        }
    }

    List<String> outcomes() {
        return outcomes;
    }

    private String inject(FaultSchedule.Fault fault) throws Exception {
        switch (fault.kind()) {
            case KILL_SERVICE -> {
                cluster.kill(fault.target());
                cluster.startAgain(fault.target());
                return "killed and started again";
            }
            case CRASH_AFTER_CONSUMER_COMMIT -> {
                return crashAt(fault.target(), CONSUMER_AFTER_COMMIT, fault.pass());
            }
            case CRASH_AFTER_RELAY_SEND -> {
                return crashAt(fault.target(), RELAY_AFTER_SEND, fault.pass());
            }
            case KILL_BROKER -> {
                cluster.killBroker();
                Thread.sleep(2_000);
                cluster.startBroker();
                return "broker killed, started again on its log";
            }
            case POSTGRES_IMMEDIATE_STOP -> {
                cluster.stopPostgresImmediately();
                Thread.sleep(DATABASE_OUTAGE.toMillis());
                cluster.startPostgres();
                return "stopped immediately for " + DATABASE_OUTAGE.toSeconds() + " s, recovered";
            }
            case RESTART_GATEWAY -> {
                cluster.restart(fault.target());
                return "restarted";
            }
            case ROLLING_RESTART -> {
                cluster.rollingRestart(fault.target());
                return "restarted " + cluster.replicas() + " replica(s) one after another";
            }
            case PAUSE_SERVICE -> {
                ServiceProcess paused = cluster.process(fault.target());
                paused.signal("STOP");
                Thread.sleep(Cluster.SESSION_TIMEOUT.plusSeconds(3).toMillis());
                paused.signal("CONT");
                return "paused " + Cluster.SESSION_TIMEOUT.plusSeconds(3).toSeconds() + " s, resumed";
            }
            case REWIND_OFFSETS -> {
                return rewind(fault.target());
            }
            case PUBLISH_TWICE -> {
                return publishAgain();
            }
            default -> throw new IllegalArgumentException(fault.kind().toString());
        }
    }

    /**
     * Starts the service again with the failpoint armed and waits for it to halt there; a service
     * the traffic never brings to that pass within {@link #FAILPOINT_PATIENCE} is killed instead.
     */
    private String crashAt(String service, String failpoint, int pass) throws InterruptedException {
        cluster.kill(service);
        ServiceProcess armed = cluster.startArmed(service, failpoint + ":" + pass);
        long deadline = System.nanoTime() + FAILPOINT_PATIENCE.toNanos();
        while (armed.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        boolean halted = !armed.isAlive();
        if (!halted) {
            armed.kill();
        }
        cluster.startAgain(service);
        return halted ? "halted at " + failpoint + ", started again" : "did not reach " + failpoint + " (killed)";
    }

    /**
     * Stops every replica of the service, moves each of its consumer groups back on every partition
     * (once the broker has let the dead members go), and starts them again: they receive again what
     * they have applied.
     */
    private String rewind(String service) throws Exception {
        cluster.replicasOf(service).forEach(cluster::kill);
        int moved = 0;
        try (Admin admin = admin()) {
            List<String> groups = admin.listGroups().all().get().stream().map(GroupListing::groupId)
                    .filter(group -> group.startsWith(service)).toList();
            for (String group : groups) {
                moved += rewindGroup(admin, group);
            }
        }
        cluster.startAgain(cluster.replicasOf(service));
        return "moved back " + moved + " partition offsets";
    }

    private int rewindGroup(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetAndMetadata> back = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null && offset.offset() > 0) {
                back.put(partition, new OffsetAndMetadata(Math.max(0, offset.offset() - REWIND_RECORDS)));
            }
        });
        // the killed members stay in the group until their session times out; until then the broker refuses
        long deadline = System.nanoTime() + Cluster.SESSION_TIMEOUT.multipliedBy(3).toNanos();
        while (true) {
            try {
                admin.alterConsumerGroupOffsets(group, back).all().get();
                return back.size();
            } catch (ExecutionException notEmptyYet) {
                if (System.nanoTime() > deadline) {
                    throw notEmptyYet;
                }
                Thread.sleep(500);
            }
        }
    }

    /** Reads a recent record of an event topic and publishes it again as it was: same key, value and headers. */
    private String publishAgain() {
        String topic = EVENT_TOPICS.get(random.nextInt(EVENT_TOPICS.size()));
        Map<String, Object> consumerSettings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> recent = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerSettings)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            partitions.forEach(partition -> consumer.seek(partition, Math.max(0, ends.get(partition) - 5)));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && recent.size() < ends.values().stream()
                    .mapToLong(end -> Math.min(end, 5)).sum()) {
                consumer.poll(Duration.ofMillis(200)).forEach(recent::add);
            }
        }
        if (recent.isEmpty()) {
            return "no event on " + topic + " yet";
        }
        ConsumerRecord<String, String> again = recent.get(random.nextInt(recent.size()));
        Map<String, Object> producerSettings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings)) {
            producer.send(new ProducerRecord<>(topic, null, again.key(), again.value(), again.headers())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish the event again", e);
        }
        return "published " + topic + " " + again.partition() + "@" + again.offset() + " again";
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }
}
