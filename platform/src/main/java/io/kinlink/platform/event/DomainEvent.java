package io.kinlink.platform.event;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The body of an event. Its type name is the record's simple name (past tense, such as
 * {@code MemberRegistered}); a breaking change to a body is a new version, while adding an
 * optional field is not.
 */
public interface DomainEvent {

    @JsonIgnore
    default String eventType() {
        return getClass().getSimpleName();
    }

    /** The type's major version ({@link EventVersion}; 1 when the type has none). */
    @JsonIgnore
    default int eventVersion() {
        EventVersion version = getClass().getAnnotation(EventVersion.class);
        return version == null ? 1 : version.value();
    }
}
