package io.kinlink.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kinlink.edge.telemetry.Telemetry;
import io.kinlink.events.ProbeEvent;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.testsupport.Infrastructure;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;

/**
 * Replicas of a service each run a relay over the same outbox table: a member's events must still
 * reach the topic in the order they were written. Here the application's relay and three more,
 * with batches of their own size, drain one outbox at once.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class RelayOrderTest {

    private static final int MEMBERS = 400;
    private static final int EVENTS_EACH = 8;

    @Inject
    Outbox outbox;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;
    @Inject
    OutboxSettings settings;
    @Inject
    Clock clock;
    @Inject
    OutboxMetrics metrics;
    @Inject
    Telemetry telemetry;
    @Inject
    ObjectMapper mapper;

    @Test
    void four_relays_at_once_publish_every_members_events_in_the_order_they_were_written() throws Exception {
        String topic = "kinlink.platform-order-" + UUID.randomUUID();
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService replicas = Executors.newFixedThreadPool(3);
        List<Future<?>> relays = new ArrayList<>();
        for (int batch : new int[] {7, 11, 13}) {
            // as another process would: its own producer, its own batch size
            OutboxRelay replica = new OutboxRelay(new OutboxProducer(settings, kafka), batchesOf(batch), clock, metrics,
                    telemetry);
            relays.add(replicas.submit(() -> {
                while (published(topic) < MEMBERS * EVENTS_EACH) {
                    replica.relay();
                }
                return null;
            }));
        }
        // a member's events written together (a purchase, its refund, ...): batch boundaries split some members
        for (int member = 0; member < MEMBERS; member++) {
            String key = run + "-" + member;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int seq = 0; seq < EVENTS_EACH; seq++) {
                    outbox.append(topic, key, new ProbeEvent(Integer.toString(seq), 0));
                }
            });
        }
        for (Future<?> relay : relays) {
            relay.get(120, TimeUnit.SECONDS);
        }
        replicas.shutdown();

        try (TopicProbe probe = new TopicProbe(Infrastructure.shared().kafkaBootstrapServers(), topic)) {
            List<ConsumerRecord<String, String>> records = probe.await(record -> true, MEMBERS * EVENTS_EACH,
                    Duration.ofSeconds(60), Duration.ofMillis(500));
            Map<String, List<Integer>> byMember = new HashMap<>();
            Map<String, Integer> seen = new HashMap<>();
            for (ConsumerRecord<String, String> record : records) {
                EventEnvelope event = EventEnvelope.parse(record.value(), mapper);
                int seq = Integer.parseInt(event.payloadAs(ProbeEvent.class, mapper).label());
                // a redelivery (sent again after a lost acknowledgement) may repeat an event; its first arrival counts
                if (seen.merge(record.key() + "#" + seq, 1, Integer::sum) == 1) {
                    byMember.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(seq);
                }
            }
            assertEquals(MEMBERS, byMember.size(), "every member's events arrived");
            List<Integer> inOrder = IntStream.range(0, EVENTS_EACH).boxed().toList();
            List<String> outOfOrder = byMember.entrySet().stream().filter(member -> !member.getValue().equals(inOrder))
                    .map(member -> member.getKey() + " " + member.getValue()).toList();
            assertTrue(outOfOrder.isEmpty(), outOfOrder.size() + " members' events out of order, e.g. "
                    + outOfOrder.subList(0, Math.min(3, outOfOrder.size())));
        }
    }

    private long published(String topic) {
        return QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.count("topic = ?1 and publishedAt is not null", topic));
    }

    private OutboxSettings batchesOf(int size) {
        return new OutboxSettings() {
            @Override
            public boolean publishing() {
                return true;
            }

            @Override
            public int batchSize() {
                return size;
            }

            @Override
            public Duration sendTimeout() {
                return settings.sendTimeout();
            }

            @Override
            public Duration retention() {
                return settings.retention();
            }

            @Override
            public Optional<String> bootstrapServers() {
                return settings.bootstrapServers();
            }
        };
    }
}
