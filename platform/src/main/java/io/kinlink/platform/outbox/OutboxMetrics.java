package io.kinlink.platform.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import io.kinlink.platform.metrics.CachedSample;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * What the outbox shows an operator: how many events wait to be published and for how long the
 * oldest has waited (a relay that cannot publish shows here first), and what the relay sent.
 */
@Startup
@ApplicationScoped
public class OutboxMetrics {

    private record Backlog(long rows, double oldestAgeSeconds) {
    }

    private final MeterRegistry registry;
    private final Counter failures;
    private final CachedSample<Backlog> backlog;

    public OutboxMetrics(MeterRegistry registry, DataSource dataSource, Clock clock) {
        this.registry = registry;
        this.backlog = new CachedSample<>(() -> read(dataSource, clock), new Backlog(0, 0), Duration.ofSeconds(1));
        Gauge.builder("kinlink.outbox.unpublished", backlog, sample -> sample.get().rows())
                .baseUnit("events")
                .description("Events written by committed transactions and not yet acknowledged by the broker")
                .register(registry);
        Gauge.builder("kinlink.outbox.oldest.unpublished.age", backlog, sample -> sample.get().oldestAgeSeconds())
                .baseUnit("seconds")
                .description("How long the oldest unpublished event has waited; 0 when none waits")
                .register(registry);
        this.failures = Counter.builder("kinlink.outbox.publish.failures")
                .description("Events the broker did not acknowledge in time; they are sent again")
                .register(registry);
    }

    void recorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) Appended appended) {
        Counter.builder("kinlink.events.recorded").baseUnit("events")
                .description("Events written by committed transactions, by topic and type")
                .tag("topic", appended.topic()).tag("type", appended.event().eventType())
                .register(registry).increment();
    }

    void published(String topic) {
        Counter.builder("kinlink.outbox.published").baseUnit("events").tag("topic", topic)
                .description("Events the broker acknowledged").register(registry).increment();
    }

    void failed() {
        failures.increment();
    }

    private static Backlog read(DataSource dataSource, Clock clock) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "select count(*), min(occurred_at) from outbox_event where published_at is null")) {
            row.next();
            Timestamp oldest = row.getTimestamp(2);
            double age = oldest == null ? 0
                    : Math.max(0, Duration.between(oldest.toInstant(), Instant.now(clock)).toMillis() / 1000.0);
            return new Backlog(row.getLong(1), age);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the outbox backlog", e);
        }
    }
}
