package io.kinlink.platform.outbox;

import java.time.Clock;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kinlink.edge.telemetry.Telemetry;
import io.kinlink.platform.event.DomainEvent;
import io.kinlink.platform.event.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/**
 * Records an event in the caller's transaction; {@link OutboxRelay} publishes it after the
 * commit. The state change and its event therefore commit or roll back together. The relay is
 * woken when the transaction commits, so events go out at once rather than at the next poll.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final Clock clock;
    private final Event<EventsCommitted> committed;
    private final Event<Appended> appended;
    private final Telemetry telemetry;

    public Outbox(ObjectMapper mapper, Clock clock, Event<EventsCommitted> committed, Event<Appended> appended,
                  Telemetry telemetry) {
        this.mapper = mapper;
        this.clock = clock;
        this.committed = committed;
        this.appended = appended;
        this.telemetry = telemetry;
    }

    /** Appends an event to the outbox; must run inside the transaction of the state change. */
    @Transactional(TxType.MANDATORY)
    public EventEnvelope append(String topic, String key, DomainEvent event) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), event.eventType(), event.eventVersion(),
                clock.instant(), key, mapper.valueToTree(event));
        OutboxEvent row = new OutboxEvent();
        row.id = envelope.id();
        row.topic = topic;
        row.key = key;
        row.type = envelope.type();
        row.version = envelope.version();
        row.occurredAt = envelope.occurredAt();
        row.payload = envelope.toJson(mapper);
        row.traceParent = telemetry.currentTraceparent();
        row.persist();
        committed.fire(EventsCommitted.INSTANCE);
        appended.fire(new Appended(topic, event));
        return envelope;
    }
}
