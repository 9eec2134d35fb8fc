package io.kinlink.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kinlink.events.ProbeEvent;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.platform.event.MalformedEventException;
import io.kinlink.platform.inbox.EventProcessor;
import io.kinlink.platform.inbox.InboxPurge;
import io.kinlink.platform.outbox.Outbox;
import io.kinlink.platform.outbox.OutboxEvent;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The inbox and the retries: every event applied exactly once, or thrown back for the dead-letter topic. */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class EventProcessingTest {

    @Inject
    EventProcessor processor;

    @Inject
    ProbeConsumer consumer;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    @Inject
    InboxPurge purge;

    private String event(String label, int failures) {
        return new EventEnvelope(UUID.randomUUID(), "ProbeEvent", 1, Instant.now(), label,
                mapper.valueToTree(new ProbeEvent(label, failures))).toJson(mapper);
    }

    /** A delivery as the messaging layer hands it over: a record of the probe topic. */
    private static ConsumerRecord<String, String> record(String json) {
        return new ConsumerRecord<>("kinlink.platform-probe", 0, 0L, null, json);
    }

    private long applied(String label) {
        return consumer.applied().stream().filter(label::equals).count();
    }

    @Test
    void an_event_delivered_twice_is_applied_once() {
        String label = "twice-" + UUID.randomUUID();
        String json = event(label, 0);
        processor.process("platform-test/twice", record(json), consumer::apply);
        processor.process("platform-test/twice", record(json), consumer::apply);
        assertEquals(1, applied(label));
    }

    @Test
    void two_consumers_of_one_event_each_apply_it_once() {
        String label = "two-consumers-" + UUID.randomUUID();
        String json = event(label, 0);
        processor.process("platform-test/first", record(json), consumer::apply);
        processor.process("platform-test/second", record(json), consumer::apply);
        processor.process("platform-test/first", record(json), consumer::apply);
        assertEquals(2, applied(label));
    }

    @Test
    void a_failing_try_is_rolled_back_and_retried_until_the_event_is_applied_once() {
        String label = "retried-" + UUID.randomUUID();
        processor.process("platform-test/retried", record(event(label, 2)), event -> {
            // what a failing try wrote is rolled back with it
            outbox.append("kinlink.platform-unused", label, new ProbeEvent(label, 0));
            consumer.apply(event);
        });
        assertEquals(3, consumer.tries(label));
        assertEquals(1, applied(label));
        long written = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("key", label));
        assertEquals(1, written, "only the successful try's write stays");
    }

    @Test
    void an_event_that_keeps_failing_is_thrown_back_after_the_configured_tries_and_not_marked_applied() {
        String label = "poison-" + UUID.randomUUID();
        String json = event(label, -1);
        assertThrows(IllegalStateException.class, () -> processor.process("platform-test/poison", record(json), consumer::apply));
        assertEquals(3, consumer.tries(label));
        UUID id = EventEnvelope.parse(json, mapper).id();
        long marked = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where event_id = ?1").setParameter(1, id).getSingleResult())
                .longValue());
        assertEquals(0, marked, "a later replay may still apply it");
    }

    @Test
    void an_unreadable_event_is_refused_at_once_without_retries() {
        assertThrows(MalformedEventException.class,
                () -> processor.process("platform-test/unreadable", record("{\"id\":"), consumer::apply));
        assertThrows(MalformedEventException.class,
                () -> processor.process("platform-test/unreadable", record("{\"type\":\"ProbeEvent\"}"), consumer::apply));
    }

    @Test
    void the_inbox_forgets_ids_older_than_its_retention_and_keeps_younger_ones() {
        UUID old = UUID.randomUUID();
        UUID young = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into processed_event (consumer, event_id, processed_at) values (?1, ?2, ?3)")
                    .setParameter(1, "platform-test/purge").setParameter(2, old)
                    .setParameter(3, Instant.now().minus(Duration.ofDays(61))).executeUpdate();
            em.createNativeQuery("insert into processed_event (consumer, event_id, processed_at) values (?1, ?2, ?3)")
                    .setParameter(1, "platform-test/purge").setParameter(2, young)
                    .setParameter(3, Instant.now().minus(Duration.ofDays(59))).executeUpdate();
        });

        purge.purge();

        assertEquals(List.of(young), QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select event_id from processed_event where consumer = 'platform-test/purge'").getResultList()));
    }
}
