package io.kinlink.member.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One notice to one endpoint, with its tries: the delivery log operators read.
 *
 * @param webhookId the {@code webhook-id} header, the same on every try and replay
 */
public record WebhookDelivery(UUID id, String webhookId, UUID endpointId, UUID eventId, String eventType,
                              UUID memberId, DeliveryStatus status, int attempts, Instant nextAttemptAt,
                              Instant createdAt, Instant lastAttemptAt, Integer lastStatusCode, String lastError,
                              Integer lastLatencyMs, Instant deliveredAt, Instant replayedAt, String replayedBy,
                              List<Attempt> tries) {

    public static String webhookIdOf(UUID delivery) {
        return "msg_" + delivery.toString().replace("-", "");
    }

    /** One try: the receiver's status code, or the error when there was none. */
    public record Attempt(Instant at, Integer statusCode, String error, int latencyMs) {
    }

    /** A page of the log, newest first. */
    public record Page(List<WebhookDelivery> deliveries, int page, int size, long total) {
    }
}
