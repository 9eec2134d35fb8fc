package io.kinlink.platform.inbox;

import java.time.Clock;
import java.time.Instant;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Forgets the ids of events applied longer ago than the inbox retention, in batches, every hour. */
@ApplicationScoped
public class InboxPurge {

    private static final Logger LOG = Logger.getLogger(InboxPurge.class);
    private static final int BATCH = 10_000;

    private final EntityManager em;
    private final ConsumerSettings settings;
    private final Clock clock;

    public InboxPurge(EntityManager em, ConsumerSettings settings, Clock clock) {
        this.em = em;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Returns how many ids were forgotten. */
    public long purge() {
        Instant cutoff = clock.instant().minus(settings.inboxRetention());
        long purged = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                            delete from processed_event where ctid in (
                                select ctid from processed_event where processed_at < ?1 limit ?2)""")
                    .setParameter(1, cutoff).setParameter(2, BATCH).executeUpdate());
            purged += batch;
        } while (batch == BATCH);
        if (purged > 0) {
            LOG.infof("Forgot %d applied event ids older than %s", purged, cutoff);
        }
        return purged;
    }
}
