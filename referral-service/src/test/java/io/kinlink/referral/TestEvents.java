package io.kinlink.referral;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.kinlink.events.MemberRegistered;
import io.kinlink.events.PurchaseRecorded;
import io.kinlink.events.Topics;
import io.kinlink.platform.event.DomainEvent;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.testsupport.Infrastructure;

/** Publishes events onto the real topics as the member service would. */
public final class TestEvents {

    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final KafkaProducer<String, String> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));

    private TestEvents() {
    }

    public static EventEnvelope envelope(UUID key, DomainEvent event) {
        return new EventEnvelope(UUID.randomUUID(), event.eventType(), event.eventVersion(), Instant.now(),
                key.toString(), MAPPER.valueToTree(event));
    }

    public static void publish(EventEnvelope envelope) {
        try {
            PRODUCER.send(new ProducerRecord<>(Topics.MEMBER_EVENTS, envelope.key(), envelope.toJson(MAPPER))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers a member through the member topic and returns its id. */
    public static UUID registered(String referralCode, String deviceId) {
        UUID member = UUID.randomUUID();
        String phoneHash = Long.toHexString(ThreadLocalRandom.current().nextLong()) + member;
        publish(envelope(member, new MemberRegistered(member, "测**", phoneHash, referralCode, deviceId,
                "shanghai-jingan", "APP", Instant.now())));
        return member;
    }

    public static EventEnvelope purchase(UUID member, long amountFen) {
        UUID purchase = UUID.randomUUID();
        return envelope(member, new PurchaseRecorded(purchase, member, "till-" + purchase, amountFen,
                "shanghai-jingan", Instant.now()));
    }
}
