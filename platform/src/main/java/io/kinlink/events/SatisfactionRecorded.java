package io.kinlink.events;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.platform.event.DomainEvent;

/** A member scored a visit or purchase (1-5); the complaint text itself stays in the member service. */
public record SatisfactionRecorded(UUID satisfactionId, UUID memberId, int score, boolean complaint,
                                   Instant recordedAt) implements DomainEvent {
}
