package io.kinlink.platform;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kinlink.events.ProbeEvent;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.testsupport.Infrastructure;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TopicPublisher;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Dead letters for people: what a consumer gave up on is listed with its reason, replayed after
 * the fix through the consumer's inbox (so it applies once), and poison (an unknown type, an
 * unknown major version) never blocks its partition, while a newer minor version is read.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class DeadLetterTest {

    private static final String TOPIC = "kinlink.platform-probe";
    private static final String DEAD_LETTERS = "/api/dead-letters/platform-probe";

    @Inject
    ProbeConsumer consumer;

    @Inject
    ObjectMapper mapper;

    private EventEnvelope probe(String key, String label, int failures) {
        return new EventEnvelope(UUID.randomUUID(), "ProbeEvent", 1, Instant.now(), key,
                mapper.valueToTree(new ProbeEvent(label, failures)));
    }

    /** The operators' view of the dead letter of {@code eventId}, once the service has kept it. */
    private static Map<String, Object> deadLetterOf(UUID eventId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> listed(eventId), Optional::isPresent).get();
    }

    private static Optional<Map<String, Object>> listed(UUID eventId) {
        List<Map<String, Object>> all = given().get(DEAD_LETTERS + "?size=200").then().statusCode(200)
                .extract().path("deadLetters");
        return all.stream().filter(row -> eventId.toString().equals(row.get("eventId"))).findFirst();
    }

    @Test
    void a_poison_event_is_listed_with_its_reason_and_after_the_fix_replayed_applying_exactly_once() {
        String key = "dl-" + UUID.randomUUID();
        String label = "poison-" + UUID.randomUUID();
        EventEnvelope poison = probe(key, label, -1);
        TopicPublisher.publish(TOPIC, key, poison.toJson(mapper));

        Map<String, Object> dead = deadLetterOf(poison.id());
        assertEquals("WAITING", dead.get("status"));
        assertEquals(TOPIC, dead.get("topic"));
        assertEquals("ProbeEvent", dead.get("eventType"));
        assertThat((String) dead.get("reason"), containsString("fails, as asked"));
        Object id = dead.get("id");

        // not fixed yet: the replay fails again, the event keeps waiting with the new error
        given().post(DEAD_LETTERS + "/" + id + "/replay").then().statusCode(409)
                .body("type", equalTo("urn:kinlink:problem:dead-letter-replay-failed"));
        assertEquals(0, consumer.applied().stream().filter(label::equals).count());

        consumer.fix(label);
        given().post(DEAD_LETTERS + "/" + id + "/replay").then().statusCode(200)
                .body("status", equalTo("REPLAYED")).body("replayedBy", notNullValue());
        assertEquals(1, consumer.applied().stream().filter(label::equals).count(), "applied once");

        given().post(DEAD_LETTERS + "/" + id + "/replay").then().statusCode(409)
                .body("type", equalTo("urn:kinlink:problem:dead-letter-replayed"));
        assertEquals(1, consumer.applied().stream().filter(label::equals).count(), "still once");
    }

    @Test
    void a_dead_letter_of_an_event_applied_meanwhile_replays_without_applying_it_again() {
        String key = "dl-" + UUID.randomUUID();
        String label = "applied-" + UUID.randomUUID();
        EventEnvelope event = probe(key, label, 0);
        TopicPublisher.publish(TOPIC, key, event.toJson(mapper));
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.applied().contains(label));

        // the same event also lies in the dead-letter topic, as after a redelivery that failed
        deadLetter(key, event.toJson(mapper), "a redelivery failed");
        Object id = deadLetterOf(event.id()).get("id");
        given().post(DEAD_LETTERS + "/" + id + "/replay").then().statusCode(200).body("status", equalTo("REPLAYED"));

        assertEquals(1, consumer.applied().stream().filter(label::equals).count(), "the inbox knew it");
    }

    @Test
    void unknown_types_and_major_versions_are_dead_lettered_at_once_and_a_newer_minor_version_is_read() {
        String key = "dl-" + UUID.randomUUID();
        String label = "minor-" + UUID.randomUUID();
        EventEnvelope unknownType = new EventEnvelope(UUID.randomUUID(), "NoSuchEvent", 1, Instant.now(), key,
                mapper.valueToTree(Map.of("label", "x")));
        EventEnvelope nextMajor = new EventEnvelope(UUID.randomUUID(), "ProbeEvent", 2, Instant.now(), key,
                mapper.valueToTree(new ProbeEvent("major-" + label, 0)));
        ObjectNode withNewField = mapper.valueToTree(new ProbeEvent(label, 0));
        withNewField.put("addedInAMinorVersion", "ignored by this reader");
        EventEnvelope nextMinor = new EventEnvelope(UUID.randomUUID(), "ProbeEvent", 1, Instant.now(), key,
                withNewField);
        TopicPublisher.publish(TOPIC, key, unknownType.toJson(mapper));
        TopicPublisher.publish(TOPIC, key, nextMajor.toJson(mapper));
        TopicPublisher.publish(TOPIC, key, nextMinor.toJson(mapper));

        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.applied().contains(label));
        assertThat((String) deadLetterOf(unknownType.id()).get("reason"),
                containsString("Unknown event type NoSuchEvent"));
        assertThat((String) deadLetterOf(nextMajor.id()).get("reason"),
                containsString("Unknown major version 2 of ProbeEvent"));
        assertEquals(0, consumer.tries("major-" + label), "never tried: its reader is not here yet");
    }

    @Test
    void replay_all_replays_what_waits_and_reports_what_failed_again() {
        String key = "dl-" + UUID.randomUUID();
        String fixedLabel = "fixed-" + UUID.randomUUID();
        EventEnvelope fixable = probe(key, fixedLabel, -1);
        TopicPublisher.publish(TOPIC, key, fixable.toJson(mapper));
        deadLetterOf(fixable.id());
        consumer.fix(fixedLabel);

        int replayed = given().post(DEAD_LETTERS + "/replay").then().statusCode(200).extract().path("replayed");
        assertThat(replayed, greaterThanOrEqualTo(1));
        assertEquals("REPLAYED", deadLetterOf(fixable.id()).get("status"));
        assertEquals(1, consumer.applied().stream().filter(fixedLabel::equals).count());
        given().get(DEAD_LETTERS + "?status=SOMETIMES").then().statusCode(400);
        given().get("/api/dead-letters/another-service").then().statusCode(404);
    }

    /** Publishes to the dead-letter topic as the messaging layer does, with the headers it sets. */
    private static void deadLetter(String key, String value, String reason) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.shared().kafkaBootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>("kinlink.dead-letter.platform-probe", key, value);
            record.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
            record.headers().add("dead-letter-topic", TOPIC.getBytes(StandardCharsets.UTF_8));
            record.headers().add("dead-letter-partition", "0".getBytes(StandardCharsets.UTF_8));
            record.headers().add("dead-letter-offset", "0".getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        }
    }
}
