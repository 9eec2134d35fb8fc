package io.kinlink.events;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.platform.event.DomainEvent;

/** A member checked in at a branch. */
public record VisitRecorded(UUID visitId, UUID memberId, String branch, Instant occurredAt) implements DomainEvent {
}
