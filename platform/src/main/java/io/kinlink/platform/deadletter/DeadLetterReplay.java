package io.kinlink.platform.deadletter;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.kinlink.platform.inbox.ChannelTopics;
import io.kinlink.platform.inbox.EventConsumer;
import io.kinlink.platform.problem.ConflictProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Replays a dead-lettered event, after its cause was fixed, through the consumers of the topic it
 * came from: the same retries, and the same inbox, so an event already applied is not applied
 * again. A replay that fails again leaves the event waiting, with the new error.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);
    /** How many one "replay all" takes at most; call again for more. */
    static final int BATCH = 100;

    private final DeadLetters deadLetters;
    private final Instance<EventConsumer> consumers;
    private final Config config;

    public DeadLetterReplay(DeadLetters deadLetters, Instance<EventConsumer> consumers, Config config) {
        this.deadLetters = deadLetters;
        this.consumers = consumers;
        this.config = config;
    }

    /** What a "replay all" did. */
    public record Outcome(int replayed, int failed) {
    }

    /** Replays one; 409 when it was replayed before or fails again (the error is kept on it). */
    public DeadLetterView replay(UUID id, String by) {
        Optional<String> failure = QuarkusTransaction.requiringNew().call(() -> replayLocked(id, by));
        if (failure.isPresent()) {
            throw new ConflictProblem("dead-letter-replay-failed", "The replay failed again: " + failure.get());
        }
        return QuarkusTransaction.requiringNew().call(() -> deadLetters.view(id));
    }

    /** Replays every waiting one, oldest first, up to {@link #BATCH}. */
    public Outcome replayAll(String by) {
        List<UUID> waiting = QuarkusTransaction.requiringNew().call(() -> deadLetters.waiting(BATCH));
        int failed = 0;
        for (UUID id : waiting) {
            if (QuarkusTransaction.requiringNew().call(() -> replayLocked(id, by)).isPresent()) {
                failed++;
            }
        }
        return new Outcome(waiting.size() - failed, failed);
    }

    /** Holds the row's lock while the consumer applies the event in transactions of its own. */
    private Optional<String> replayLocked(UUID id, String by) {
        DeadLetters.Stored stored = deadLetters.lock(id);
        if (stored.status() != DeadLetterStatus.WAITING) {
            throw new ConflictProblem("dead-letter-replayed", "Dead-lettered event " + id + " was replayed already");
        }
        List<EventConsumer> readers = consumersOf(stored.topic());
        ConsumerRecord<String, String> record = new ConsumerRecord<>(stored.topic(),
                stored.partition() == null ? 0 : stored.partition(), stored.offset() == null ? -1 : stored.offset(),
                stored.key(), stored.payload());
        try {
            // every consumer of the topic gets it: the one that failed applies it, the others' inboxes skip it
            QuarkusTransaction.suspendingExisting().run(() -> readers.forEach(consumer -> consumer.consume(record)));
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warnf("Replay of dead-lettered event %s failed again: %s", id, error);
            deadLetters.replayFailed(id, error);
            return Optional.of(error);
        }
        deadLetters.replayed(id, by);
        LOG.infof("Dead-lettered event %s replayed by %s", id, by);
        return Optional.empty();
    }

    private List<EventConsumer> consumersOf(String topic) {
        List<EventConsumer> readers = consumers.stream()
                .filter(consumer -> ChannelTopics.of(config, consumer.channel()).contains(topic)).toList();
        if (readers.isEmpty()) {
            throw new ConflictProblem("dead-letter-no-consumer", "No consumer of this service reads " + topic);
        }
        return readers;
    }
}
