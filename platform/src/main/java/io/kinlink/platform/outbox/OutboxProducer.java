package io.kinlink.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import io.kinlink.edge.telemetry.Telemetry;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Kafka producer of the relay. Durability is set explicitly rather than left to client
 * defaults: every in-sync replica acknowledges, and the idempotent producer keeps its own
 * retries from writing a record twice or out of order.
 */
@ApplicationScoped
public class OutboxProducer {

    /** What the relay takes from the service's Kafka configuration: where the broker is and how to log in. */
    private static final List<String> SHARED = List.of("bootstrap.servers", "security.protocol", "sasl.", "ssl.");

    private final KafkaProducer<String, String> producer;

    /**
     * @param kafka the service's {@code kafka.*} configuration (bootstrap servers, and the security
     *              protocol, SASL mechanism and credentials where the broker asks for them)
     */
    public OutboxProducer(OutboxSettings settings, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        long timeoutMs = settings.sendTimeout().toMillis();
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((name, value) -> {
            if (SHARED.stream().anyMatch(name::startsWith)) {
                config.put(name, value);
            }
        });
        settings.bootstrapServers().ifPresent(servers -> config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
        config.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMs, 5_000),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMs + 5_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        this.producer = new KafkaProducer<>(config);
    }

    /** @param traceparent the publication's trace context, for the consumer to continue; null for none */
    Future<RecordMetadata> send(OutboxEvent event, String traceparent) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, event.key, event.payload);
        record.headers().add("event-type", event.type.getBytes(StandardCharsets.UTF_8));
        if (traceparent != null) {
            record.headers().add(Telemetry.TRACEPARENT, traceparent.getBytes(StandardCharsets.US_ASCII));
        }
        return producer.send(record);
    }

    void flush() {
        producer.flush();
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
