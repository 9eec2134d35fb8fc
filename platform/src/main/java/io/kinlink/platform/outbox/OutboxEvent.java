package io.kinlink.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event waiting to be published, or kept for a while after it was. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** Publication order: the order in which the state changes committed their events. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;

    public UUID id;
    public String topic;
    @Column(name = "event_key")
    public String key;
    @Column(name = "event_type")
    public String type;
    @Column(name = "event_version")
    public int version;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public String payload;
    @Column(name = "published_at")
    public Instant publishedAt;
    /** The trace the event belongs to (a W3C traceparent), or null when it was written outside any. */
    @Column(name = "trace_parent")
    public String traceParent;
    public int attempts;
    @Column(name = "last_error")
    public String lastError;

    void failedWith(Throwable error) {
        attempts++;
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        lastError = message.length() > 1000 ? message.substring(0, 1000) : message;
    }
}
