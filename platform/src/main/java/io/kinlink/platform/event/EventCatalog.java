package io.kinlink.platform.event;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The event types there are: the records of {@code io.kinlink.events}, each at a major version
 * ({@link EventVersion}, 1 when absent). A consumer reads every minor change of a version it knows
 * (added fields are ignored), and refuses a type no one defined or a major version it does not
 * know: such an event goes to the dead-letter topic with the reason, and the partition moves on.
 */
public final class EventCatalog {

    private static final String PACKAGE = "io.kinlink.events.";
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{1,80}");

    private EventCatalog() {
    }

    /** The event class named by {@code type}, if there is one. */
    public static Optional<Class<? extends DomainEvent>> find(String type) {
        if (type == null || !TYPE_NAME.matcher(type).matches()) {
            return Optional.empty();
        }
        try {
            Class<?> found = Class.forName(PACKAGE + type, false, EventCatalog.class.getClassLoader());
            return DomainEvent.class.isAssignableFrom(found)
                    ? Optional.of(found.asSubclass(DomainEvent.class)) : Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The major version of an event type this code reads and writes. */
    public static int majorVersionOf(Class<? extends DomainEvent> type) {
        EventVersion version = type.getAnnotation(EventVersion.class);
        return version == null ? 1 : version.value();
    }

    /** Refuses (as malformed, so it is dead-lettered at once) an event this code cannot read. */
    public static void requireReadable(EventEnvelope event) {
        Class<? extends DomainEvent> type = find(event.type()).orElseThrow(() -> new MalformedEventException(
                "Unknown event type " + event.type() + " (event " + event.id() + ")"));
        int known = majorVersionOf(type);
        if (event.version() > known) {
            throw new MalformedEventException("Unknown major version " + event.version() + " of " + event.type()
                    + " (event " + event.id() + "); this consumer reads up to version " + known);
        }
    }
}
