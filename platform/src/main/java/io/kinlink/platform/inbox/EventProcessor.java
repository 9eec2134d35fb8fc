package io.kinlink.platform.inbox;

import java.time.Duration;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kinlink.edge.telemetry.Telemetry;
import io.kinlink.platform.DatabaseOutage;
import io.kinlink.platform.event.EventCatalog;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.platform.event.MalformedEventException;
import io.kinlink.platform.inbox.EventMetrics.DeadLetterReason;
import io.kinlink.platform.inbox.EventMetrics.Outcome;
import io.micrometer.core.instrument.Timer;
import io.kinlink.platform.fault.Failpoints;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies one incoming event exactly once: the inbox check and the effect share a transaction,
 * a failed try rolls back and is retried with a growing pause (a database that cannot be reached
 * is waited for without spending a try), and an event that keeps failing
 * (or cannot be read at all) is thrown back to the messaging layer, which sends it to the
 * consumer's dead-letter topic with the reason. A replica that is stopping applies nothing more:
 * it leaves the event unacknowledged for the partition's next owner ({@link ServiceStopping}). Each delivery is a "process" span of the trace
 * that published the event (under the messaging extension's span for its arrival, where there is
 * one), and is measured.
 */
@ApplicationScoped
public class EventProcessor {

    private static final Logger LOG = Logger.getLogger(EventProcessor.class);

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final ConsumerSettings settings;
    private final EventMetrics metrics;
    private final Telemetry telemetry;
    private final ServiceStopping service;

    public EventProcessor(Inbox inbox, ObjectMapper mapper, ConsumerSettings settings, EventMetrics metrics,
                          Telemetry telemetry, ServiceStopping service) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.settings = settings;
        this.metrics = metrics;
        this.telemetry = telemetry;
        this.service = service;
    }

    /**
     * @param consumer names the consumer in the inbox; one name per subscription, so two
     *                 consumers of one event in a service each apply it once
     */
    public void process(String consumer, ConsumerRecord<String, String> record, Consumer<EventEnvelope> effect) {
        Span span = telemetry.tracer().spanBuilder(record.topic() + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(traceOf(record))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.consumer.group.name", consumer)
                .startSpan();
        try (Scope inSpan = span.makeCurrent()) {
            process(consumer, record.topic(), record.value(), effect);
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * The trace the event belongs to: the messaging extension's span for the record's arrival where
     * it is current (it continues the record's {@code traceparent}), else that {@code traceparent}
     * itself, which the outbox relay put on the record.
     */
    private Context traceOf(ConsumerRecord<String, String> record) {
        Context current = Context.current();
        return Span.fromContext(current).getSpanContext().isValid() ? current
                : telemetry.contextOf(RecordHeaders.text(record, Telemetry.TRACEPARENT));
    }

    private void process(String consumer, String topic, String json, Consumer<EventEnvelope> effect) {
        EventEnvelope event;
        try {
            event = EventEnvelope.parse(json, mapper);
            EventCatalog.requireReadable(event);
        } catch (MalformedEventException e) {
            metrics.deadLettered(topic, DeadLetterReason.UNREADABLE);
            throw e;
        }
        Span.current().setAttribute("messaging.message.id", event.id().toString());
        Span.current().setAttribute("kinlink.event.type", event.type());
        Timer.Sample sample = metrics.start();
        Duration backoff = settings.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            if (service.stopping()) {
                throw new ServiceStopping.LeftForTheNextReplica(event.type() + " " + event.id(), null);
            }
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (!inbox.firstDelivery(consumer, event.id())) {
                        return false;
                    }
                    effect.accept(event);
                    return true;
                });
                Failpoints.reach(Failpoints.CONSUMER_AFTER_COMMIT);
                metrics.processed(sample, topic, event.type(), applied ? Outcome.APPLIED : Outcome.DUPLICATE);
                return;
            } catch (MalformedEventException e) {
                metrics.processed(sample, topic, event.type(), Outcome.FAILED);
                metrics.deadLettered(topic, DeadLetterReason.UNREADABLE);
                throw e;
            } catch (RuntimeException e) {
                if (service.stopping()) {
                    // the pools are closing under this try: not the event's fault, and not this replica's any more
                    LOG.infof("%s leaves %s %s to the partition's next owner: stopping", consumer, event.type(), event.id());
                    throw new ServiceStopping.LeftForTheNextReplica(event.type() + " " + event.id(), e);
                }
                if (DatabaseOutage.causedBy(e)) {
                    // the event is not at fault: wait for the database without spending a try
                    LOG.warnf("%s cannot reach its database for %s %s, waiting %s: %s", consumer, event.type(),
                            event.id(), settings.maxBackoff(), e.getMessage());
                    metrics.retried(topic);
                    attempt--;
                    sleep(settings.maxBackoff());
                    continue;
                }
                if (attempt >= settings.maxAttempts()) {
                    LOG.errorf(e, "%s gives up on %s %s after %d tries", consumer, event.type(), event.id(), attempt);
                    metrics.processed(sample, topic, event.type(), Outcome.FAILED);
                    metrics.deadLettered(topic, DeadLetterReason.RETRIES_EXHAUSTED);
                    throw e;
                }
                LOG.warnf("%s failed on %s %s (try %d), retrying in %s: %s", consumer, event.type(), event.id(),
                        attempt, backoff, e.getMessage());
                metrics.retried(topic);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0
                        ? settings.maxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an event", e);
        }
    }
}
