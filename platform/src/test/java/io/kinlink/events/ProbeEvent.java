package io.kinlink.events;

import io.kinlink.platform.event.DomainEvent;

/**
 * An event of the platform's tests: {@code failures} says how many tries of its effect fail
 * before one succeeds (-1: every try).
 */
public record ProbeEvent(String label, int failures) implements DomainEvent {
}
