package io.kinlink.platform.inbox;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/**
 * The ids of the events each consumer has applied. Recording an id happens in the transaction
 * of the effect, so an event is either applied and recorded or neither, and a redelivery is
 * recognised and skipped.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;
    private final Clock clock;

    public Inbox(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Records that {@code consumer} applies {@code eventId} now. False when it already did, in
     * which case the caller must not apply the event again. A concurrent delivery of the same
     * event waits here until the first one commits, and then gets false.
     */
    @Transactional(TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        int inserted = entityManager.createNativeQuery(
                        "insert into processed_event (consumer, event_id, processed_at) values (?1, ?2, ?3) "
                                + "on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, clock.instant())
                .executeUpdate();
        return inserted == 1;
    }
}
