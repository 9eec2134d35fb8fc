package io.kinlink.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import javax.transaction.xa.XAException;

import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

import jakarta.transaction.RollbackException;

class DatabaseOutageTest {

    @Test
    void a_refused_connection_or_a_server_starting_up_is_an_outage() {
        assertTrue(DatabaseOutage.causedBy(new IllegalStateException(new JDBCConnectionException(
                "Unable to acquire JDBC Connection", new SQLException("Connection refused", "08001")))));
        assertTrue(DatabaseOutage.causedBy(new RuntimeException(
                new SQLException("FATAL: the database system is starting up", "57P03"))));
        assertTrue(DatabaseOutage.causedBy(new SQLException("terminating connection due to administrator command",
                "57P01")));
    }

    @Test
    void a_commit_that_lost_its_connection_is_an_outage() {
        // as Narayana reports it: the driver's I/O error under the resource's XAException, suppressed
        XAException resource = new XAException("Error trying to transactionCommit local transaction");
        resource.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(resource);
        assertTrue(DatabaseOutage.causedBy(new RuntimeException("Error invoking subclass method", rollback)));
    }

    @Test
    void a_rollback_for_any_other_reason_is_no_outage() {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new SQLException("duplicate key", "23505"));
        assertFalse(DatabaseOutage.causedBy(new RuntimeException(rollback)));
        assertFalse(DatabaseOutage.causedBy(new RollbackException("marked rollback only")));
    }

    @Test
    void a_deadlock_a_broken_rule_or_a_bug_spend_a_try() {
        assertFalse(DatabaseOutage.causedBy(new LockAcquisitionException("deadlock detected",
                new SQLException("deadlock detected", "40P01"))));
        assertFalse(DatabaseOutage.causedBy(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseOutage.causedBy(new IllegalArgumentException("unknown rule")));
    }
}
