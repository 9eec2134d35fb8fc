package io.kinlink.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Kafka producer of the relay. Durability is set explicitly rather than left to client
 * defaults: every in-sync replica acknowledges, and the idempotent producer keeps its own
 * retries from writing a record twice or out of order.
 */
@ApplicationScoped
public class OutboxProducer {

    private final KafkaProducer<String, String> producer;

    public OutboxProducer(OutboxSettings settings,
                          @ConfigProperty(name = "kafka.bootstrap.servers") String defaultBootstrapServers) {
        long timeoutMs = settings.sendTimeout().toMillis();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers().orElse(defaultBootstrapServers),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMs, 5_000),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMs + 5_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        this.producer = new KafkaProducer<>(config);
    }

    Future<RecordMetadata> send(OutboxEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, event.key, event.payload);
        record.headers().add("event-type", event.type.getBytes(StandardCharsets.UTF_8));
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
