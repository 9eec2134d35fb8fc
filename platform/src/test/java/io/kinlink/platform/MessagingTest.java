package io.kinlink.platform;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kinlink.events.ProbeEvent;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.platform.outbox.Outbox;
import io.kinlink.platform.outbox.OutboxEvent;
import io.kinlink.testsupport.Infrastructure;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TopicProbe;
import io.kinlink.testsupport.TopicPublisher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The outbox relay and the dead-letter path, on the real broker. */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class MessagingTest {

    private static final String OUTBOX_TOPIC = "kinlink.platform-outbox";

    @Inject
    Outbox outbox;

    @Inject
    ProbeConsumer consumer;

    @Inject
    ObjectMapper mapper;

    @Test
    void committed_events_are_published_in_order_with_their_type_and_marked_published() {
        String key = "order-" + UUID.randomUUID();
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> List.of(
                outbox.append(OUTBOX_TOPIC, key, new ProbeEvent("a", 0)).id(),
                outbox.append(OUTBOX_TOPIC, key, new ProbeEvent("b", 0)).id(),
                outbox.append(OUTBOX_TOPIC, key, new ProbeEvent("c", 0)).id()));
        try (TopicProbe topic = new TopicProbe(Infrastructure.shared().kafkaBootstrapServers(), OUTBOX_TOPIC)) {
            List<ConsumerRecord<String, String>> records = topic.await(r -> key.equals(r.key()), 3,
                    Duration.ofSeconds(20), Duration.ofMillis(500));
            assertEquals(ids, records.stream().map(r -> EventEnvelope.parse(r.value(), mapper).id()).toList());
            assertEquals("ProbeEvent", new String(records.get(0).headers().lastHeader("event-type").value(),
                    StandardCharsets.UTF_8));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.count("key = ?1 and publishedAt is not null", key)) == 3);
    }

    @Test
    void an_event_of_a_rolled_back_transaction_is_never_published() {
        String key = "rolled-back-" + UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.append(OUTBOX_TOPIC, key, new ProbeEvent("never", 0));
                throw new IllegalStateException("the state change fails");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        String after = "after-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.append(OUTBOX_TOPIC, after, new ProbeEvent("after", 0)));
        try (TopicProbe topic = new TopicProbe(Infrastructure.shared().kafkaBootstrapServers(), OUTBOX_TOPIC)) {
            assertEquals(1, topic.await(r -> after.equals(r.key()), 1, Duration.ofSeconds(20), Duration.ZERO).size());
            assertEquals(0, topic.await(r -> key.equals(r.key()), 0, Duration.ZERO, Duration.ofMillis(500)).size());
        }
    }

    @Test
    void a_poison_event_is_dead_lettered_with_its_reason_and_its_partition_moves_on() {
        String key = "partition-" + UUID.randomUUID();
        String poison = "poison-" + UUID.randomUUID();
        String good = "good-" + UUID.randomUUID();
        publish(key, poison, -1);
        TopicPublisher.publish("kinlink.platform-probe", key, "{not an event");
        publish(key, good, 0);

        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.applied().contains(good));
        try (TopicProbe deadLetters = new TopicProbe(Infrastructure.shared().kafkaBootstrapServers(),
                "kinlink.dead-letter.platform-probe")) {
            List<ConsumerRecord<String, String>> dead = deadLetters.await(r -> key.equals(r.key()), 2,
                    Duration.ofSeconds(20), Duration.ofMillis(500));
            assertEquals(2, dead.size(), "the poison event and the unreadable one");
            assertTrue(dead.get(0).value().contains(poison));
            assertNotNull(dead.get(0).headers().lastHeader("dead-letter-reason"), "the reason travels with it");
            assertEquals("{not an event", dead.get(1).value());
        }
        assertEquals(3, consumer.tries(poison), "tried as often as configured, then let go");
    }

    private void publish(String key, String label, int failures) {
        TopicPublisher.publish("kinlink.platform-probe", key, new EventEnvelope(UUID.randomUUID(), "ProbeEvent", 1,
                Instant.now(), key, mapper.valueToTree(new ProbeEvent(label, failures))).toJson(mapper));
    }
}
