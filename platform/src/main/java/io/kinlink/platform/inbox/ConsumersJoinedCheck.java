package io.kinlink.platform.inbox;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ready only once every Kafka consumer of the service has joined its group: before that, events
 * published to the service wait unread, and a caller would see the effects late.
 */
@Readiness
@ApplicationScoped
public class ConsumersJoinedCheck implements HealthCheck {

    private final KafkaClientService clients;
    private final GroupMembership membership;

    public ConsumersJoinedCheck(KafkaClientService clients, @Identifier(GroupMembership.NAME) GroupMembership membership) {
        this.clients = clients;
        this.membership = membership;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-consumers-joined").up();
        for (String channel : clients.getConsumerChannels()) {
            for (KafkaConsumer<Object, Object> consumer : clients.<Object, Object>getConsumers(channel)) {
                boolean joined = membership.hasJoined(consumer.unwrap());
                response.withData(channel, joined ? "joined" : "joining");
                if (!joined) {
                    response.down();
                }
            }
        }
        return response.build();
    }
}
