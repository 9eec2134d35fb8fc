package io.kinlink.platform.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A dead-lettered event as operators see it: where it came from, why it was given up, what became
 * of it. The payload is the event as it was published (events carry ids and masked data only).
 */
public record DeadLetterView(UUID id, String topic, Integer partition, Long offset, String key, UUID eventId,
                             String eventType, String reason, Instant deadLetteredAt, DeadLetterStatus status,
                             Instant replayedAt, String replayedBy, String lastReplayError, String payload) {

    /** One page, newest first. */
    public record Page(long total, int page, int size, List<DeadLetterView> deadLetters) {
    }
}
