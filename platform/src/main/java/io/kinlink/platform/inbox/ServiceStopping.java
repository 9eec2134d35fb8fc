package io.kinlink.platform.inbox;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Whether this replica is stopping (SIGTERM: a rolling update, a drained node). From then on an
 * event that has not been applied is the next replica's: it is left unacknowledged, so its
 * partition's next owner reads it again, instead of failing on a database pool that is closing
 * and going to the dead-letter topic (a rolling restart in the fault suite dead-lettered 17 sound
 * events that way).
 */
@ApplicationScoped
public class ServiceStopping {

    private volatile boolean stopping;

    /** Before any other observer of the shutdown: the ORM and the pools close after these. */
    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    public boolean stopping() {
        return stopping;
    }

    /** Thrown for an event left to the partition's next owner; never dead-lettered ({@link DeadLetterUnlessStopping}). */
    public static final class LeftForTheNextReplica extends RuntimeException {

        public LeftForTheNextReplica(String event, Throwable cause) {
            super("Stopping: " + event + " is left unacknowledged for the partition's next owner", cause);
        }
    }
}
