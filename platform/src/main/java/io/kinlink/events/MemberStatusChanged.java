package io.kinlink.events;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.platform.event.DomainEvent;

/**
 * A member was suspended, reinstated or erased. On ERASED, consumers drop what personal data
 * they hold about the member (masked names included) and keep the id and history.
 */
public record MemberStatusChanged(UUID memberId, String status, Instant changedAt) implements DomainEvent {
}
