package io.kinlink.platform.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What travels on a topic: the event's identity and metadata around its JSON body. The
 * {@code key} (the aggregate id, usually a member id) is also the Kafka record key, so one
 * member's events stay in order.
 */
public record EventEnvelope(UUID id, String type, int version, Instant occurredAt, String key, JsonNode payload) {

    public static EventEnvelope parse(String json, ObjectMapper mapper) {
        try {
            EventEnvelope envelope = mapper.readValue(json, EventEnvelope.class);
            if (envelope.id() == null || envelope.type() == null || envelope.payload() == null) {
                throw new MalformedEventException("An event envelope needs an id, a type and a payload");
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Not a JSON event envelope: " + e.getOriginalMessage());
        }
    }

    public <T extends DomainEvent> T payloadAs(Class<T> type, ObjectMapper mapper) {
        try {
            return mapper.treeToValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Payload of " + this.type + " " + id + " does not fit "
                    + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    public boolean is(Class<? extends DomainEvent> eventClass) {
        return eventClass.getSimpleName().equals(type);
    }

    public String toJson(ObjectMapper mapper) {
        try {
            return mapper.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialize event " + id, e);
        }
    }
}
