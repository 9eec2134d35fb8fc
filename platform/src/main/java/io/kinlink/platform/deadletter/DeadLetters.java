package io.kinlink.platform.deadletter;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kinlink.platform.SqlTimes;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.platform.inbox.RecordHeaders;
import io.kinlink.platform.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** The dead_letter table: what this service's consumers gave up on, and what became of it. */
@ApplicationScoped
public class DeadLetters {

    /** A dead letter as a replay needs it. */
    record Stored(UUID id, String topic, Integer partition, Long offset, String key, String payload,
                  DeadLetterStatus status) {
    }

    private static final String COLUMNS = "id, source_topic, source_partition, source_offset, event_key, event_id, "
            + "event_type, reason, dead_lettered_at, status, replayed_at, replayed_by, last_replay_error, payload";

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Clock clock;

    public DeadLetters(EntityManager em, ObjectMapper mapper, Clock clock) {
        this.em = em;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Keeps a record of the dead-letter topic, once (a redelivery of it changes nothing). */
    @Transactional
    public void keep(ConsumerRecord<String, String> record) {
        Optional<EventEnvelope> event = readable(record.value());
        em.createNativeQuery("""
                        insert into dead_letter (id, dlq_topic, dlq_partition, dlq_offset, source_topic, source_partition,
                            source_offset, event_key, payload, event_id, event_type, reason, dead_lettered_at, status)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
                        on conflict (dlq_topic, dlq_partition, dlq_offset) do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, record.topic())
                .setParameter(3, record.partition()).setParameter(4, record.offset())
                .setParameter(5, RecordHeaders.text(record, "dead-letter-topic"))
                .setParameter(6, number(RecordHeaders.text(record, "dead-letter-partition")).map(Long::intValue)
                        .orElse(null))
                .setParameter(7, number(RecordHeaders.text(record, "dead-letter-offset")).orElse(null))
                .setParameter(8, record.key()).setParameter(9, record.value() == null ? "" : record.value())
                .setParameter(10, event.map(EventEnvelope::id).orElse(null))
                .setParameter(11, event.map(EventEnvelope::type).map(type -> cut(type, 100)).orElse(null))
                .setParameter(12, cut(RecordHeaders.text(record, "dead-letter-reason"), 2000))
                .setParameter(13, clock.instant()).setParameter(14, DeadLetterStatus.WAITING.name())
                .executeUpdate();
    }

    @Transactional
    public DeadLetterView.Page list(Optional<DeadLetterStatus> status, int page, int size) {
        String where = status.map(value -> " where status = '" + value.name() + "'").orElse("");
        long total = ((Number) em.createNativeQuery("select count(*) from dead_letter" + where).getSingleResult())
                .longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from dead_letter" + where
                        + " order by dead_lettered_at desc, id limit ?1 offset ?2")
                .setParameter(1, size).setParameter(2, (long) page * size).getResultList();
        return new DeadLetterView.Page(total, page, size, rows.stream().map(DeadLetters::view).toList());
    }

    @Transactional(TxType.MANDATORY)
    public DeadLetterView view(UUID id) {
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from dead_letter where id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundProblem("dead-letter-not-found", "No dead-lettered event " + id);
        }
        return view((Object[]) rows.get(0));
    }

    /** The waiting dead letters, oldest first. */
    @Transactional(TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    List<UUID> waiting(int limit) {
        return em.createNativeQuery("select id from dead_letter where status = ?1 order by dead_lettered_at, id limit ?2")
                .setParameter(1, DeadLetterStatus.WAITING.name()).setParameter(2, limit).getResultList();
    }

    /** Locks a dead letter until the transaction ends, so two replays of it wait for each other. */
    @Transactional(TxType.MANDATORY)
    Stored lock(UUID id) {
        List<?> rows = em.createNativeQuery("select id, source_topic, source_partition, source_offset, event_key, "
                + "payload, status from dead_letter where id = ?1 for update").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundProblem("dead-letter-not-found", "No dead-lettered event " + id);
        }
        Object[] row = (Object[]) rows.get(0);
        return new Stored(id, (String) row[1], row[2] == null ? null : ((Number) row[2]).intValue(),
                row[3] == null ? null : ((Number) row[3]).longValue(), (String) row[4], (String) row[5],
                DeadLetterStatus.valueOf((String) row[6]));
    }

    @Transactional(TxType.MANDATORY)
    void replayed(UUID id, String by) {
        em.createNativeQuery("update dead_letter set status = ?2, replayed_at = ?3, replayed_by = ?4, "
                        + "last_replay_error = null where id = ?1")
                .setParameter(1, id).setParameter(2, DeadLetterStatus.REPLAYED.name())
                .setParameter(3, clock.instant()).setParameter(4, by).executeUpdate();
    }

    @Transactional(TxType.MANDATORY)
    void replayFailed(UUID id, String error) {
        em.createNativeQuery("update dead_letter set last_replay_error = ?2 where id = ?1")
                .setParameter(1, id).setParameter(2, cut(error, 2000)).executeUpdate();
    }

    /** How many wait for a replay. */
    @Transactional
    public long waitingCount() {
        return ((Number) em.createNativeQuery("select count(*) from dead_letter where status = ?1")
                .setParameter(1, DeadLetterStatus.WAITING.name()).getSingleResult()).longValue();
    }

    private Optional<EventEnvelope> readable(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(EventEnvelope.parse(value, mapper));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static DeadLetterView view(Object[] row) {
        return new DeadLetterView((UUID) row[0], (String) row[1], row[2] == null ? null : ((Number) row[2]).intValue(),
                row[3] == null ? null : ((Number) row[3]).longValue(), (String) row[4], (UUID) row[5],
                (String) row[6], (String) row[7], SqlTimes.instant(row[8]), DeadLetterStatus.valueOf((String) row[9]),
                row[10] == null ? null : SqlTimes.instant(row[10]), (String) row[11], (String) row[12],
                (String) row[13]);
    }

    private static Optional<Long> number(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
