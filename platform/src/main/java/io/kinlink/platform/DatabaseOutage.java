package io.kinlink.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a database that cannot be reached from a failure of the work itself. An outage (a
 * failover, a restart, a network cut) says nothing about the event or the request: a consumer
 * waits it out instead of spending its tries and dead-lettering events that were fine, and a
 * request is answered 503 with Retry-After, not 500. A commit cut off by the outage may or may not
 * have landed; the retry it asks for is safe, since every write carries its idempotency key.
 */
public final class DatabaseOutage {

    /** admin_shutdown, crash_shutdown, cannot_connect_now ("the database system is starting up"). */
    private static final Set<String> SERVER_GOING_OR_COMING = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        return causedBy(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean causedBy(Throwable failure, Set<Throwable> seen) {
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (isOutage(cause)) {
                return true;
            }
            // A commit that lost its connection fails with a RollbackException whose reason, the
            // resource's XAException over the driver's I/O error, is only attached as suppressed.
            for (Throwable suppressed : cause.getSuppressed()) {
                if (causedBy(suppressed, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isOutage(Throwable cause) {
        if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException) {
            return true;
        }
        return cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || SERVER_GOING_OR_COMING.contains(sql.getSQLState()));
    }
}
