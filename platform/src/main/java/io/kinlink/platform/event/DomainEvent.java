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

    @JsonIgnore
    default int eventVersion() {
        return 1;
    }
}
