package io.kinlink.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import io.kinlink.edge.telemetry.Telemetry;
import io.kinlink.platform.fault.Failpoints;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Publishes committed outbox events to Kafka, oldest first, and marks them published only once
 * the broker has acknowledged them. A broker that is down leaves the events in the table, and
 * they go out when it is back: at least once, so consumers skip ids they already applied.
 *
 * <p>One relay publishes at a time, whatever the replicas: each round holds the service's relay
 * lock (a transaction-scoped PostgreSQL advisory lock) from reading its batch until the batch is
 * acknowledged and marked, so no replica sends a later event of a member before an earlier one has
 * been acknowledged (two relays publishing disjoint batches side by side would race on the broker).
 * A replica whose wake-up finds the lock held waits for it and then publishes what is left; one
 * that dies releases it with its connection, and the next round anywhere takes over.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock's name; each service has a database of its own, so one name serves all. */
    static final String RELAY_LOCK = "kinlink-outbox-relay";

    private final OutboxProducer producer;
    private final OutboxSettings settings;
    private final Clock clock;
    private final OutboxMetrics metrics;
    private final Telemetry telemetry;
    /** One thread: rounds never overlap within a replica, and events leave in commit order. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean roundQueued = new AtomicBoolean();

    public OutboxRelay(OutboxProducer producer, OutboxSettings settings, Clock clock, OutboxMetrics metrics,
                       Telemetry telemetry) {
        this.producer = producer;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        this.telemetry = telemetry;
    }

    /** Wakes the relay when a transaction that appended events has committed. */
    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventsCommitted committed) {
        wake();
    }

    /**
     * The safety net: events of a transaction whose wake-up was lost (a crash right after the
     * commit) or that could not be published (broker down) go out at the next poll.
     */
    @Scheduled(every = "${kinlink.outbox.poll-interval:1s}", delayed = "1s")
    void poll() {
        wake();
    }

    /** Runs a relay round on the relay's own thread unless one is already waiting to run. */
    private void wake() {
        if (settings.publishing() && roundQueued.compareAndSet(false, true)) {
            worker.execute(() -> {
                roundQueued.set(false);
                relay();
            });
        }
    }

    /** One relay round: batches until the table is drained (package-private: the order test runs several). */
    void relay() {
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (published == settings.batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay round failed, the next one retries: %s", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgePublished() {
        Instant cutoff = clock.instant().minus(settings.retention());
        long purged = QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.delete("publishedAt < ?1", cutoff));
        if (purged > 0) {
            LOG.debugf("Purged %d published outbox events older than %s", purged, cutoff);
        }
    }

    /** Publishes one batch in the current transaction and returns how many were acknowledged. */
    int publishBatch() {
        // the service's relay lock, until this transaction ends: the only relay publishing now
        OutboxEvent.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:lock, 0))")
                .setParameter("lock", RELAY_LOCK).getSingleResult();
        @SuppressWarnings("unchecked")
        List<OutboxEvent> batch = OutboxEvent.getEntityManager()
                .createNativeQuery("select * from outbox_event where published_at is null "
                        + "order by position limit :limit", OutboxEvent.class)
                .setParameter("limit", settings.batchSize())
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        List<Span> spans = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            Span span = publishSpan(event);
            spans.add(span);
            try (Scope inSpan = span.makeCurrent()) {
                acks.add(producer.send(event, telemetry.currentTraceparent()));
            }
        }
        producer.flush();
        try {
            int acknowledged = markAcknowledged(batch, acks);
            Failpoints.reach(Failpoints.RELAY_AFTER_SEND);
            return acknowledged;
        } finally {
            spans.forEach(Span::end);
        }
    }

    /**
     * The publication as a span of the trace that wrote the event; the consumer's span is its
     * child, so one trace runs from the HTTP request through every hop its events take.
     */
    private Span publishSpan(OutboxEvent event) {
        return telemetry.tracer().spanBuilder(event.topic + " publish")
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(telemetry.contextOf(event.traceParent))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "publish")
                .setAttribute("messaging.destination.name", event.topic)
                .setAttribute("messaging.message.id", event.id.toString())
                .setAttribute("kinlink.event.type", event.type)
                .startSpan();
    }

    /**
     * Marks events published up to the first one the broker did not acknowledge; that one and
     * everything after it are sent again next round, so no event overtakes an earlier failed one
     * for good.
     */
    private int markAcknowledged(List<OutboxEvent> batch, List<Future<RecordMetadata>> acks) {
        Instant now = clock.instant();
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent event = batch.get(i);
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                event.publishedAt = now;
                metrics.published(event.topic);
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                event.failedWith(cause);
                metrics.failed();
                LOG.warnf("Outbox event %s (%s) not published yet, will retry: %s", event.id, event.type,
                        cause.getMessage());
                return i;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return i;
            }
        }
        return batch.size();
    }
}
