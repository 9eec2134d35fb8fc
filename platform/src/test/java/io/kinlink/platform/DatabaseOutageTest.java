package io.kinlink.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

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
    void a_deadlock_a_broken_rule_or_a_bug_spend_a_try() {
        assertFalse(DatabaseOutage.causedBy(new LockAcquisitionException("deadlock detected",
                new SQLException("deadlock detected", "40P01"))));
        assertFalse(DatabaseOutage.causedBy(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseOutage.causedBy(new IllegalArgumentException("unknown rule")));
    }
}
