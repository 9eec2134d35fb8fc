package io.kinlink.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kinlink.testsupport.DatabaseServer;

/**
 * Read-only connections to the three services' databases: the audit reads what the services
 * wrote, straight from PostgreSQL, in one repeatable-read snapshot per database.
 */
final class Databases implements AutoCloseable {

    static final List<String> SERVICES = List.of("member", "referral", "rewards");

    private final Map<String, Connection> connections = new LinkedHashMap<>();

    private final DatabaseServer server;

    Databases(DatabaseServer server) throws SQLException {
        this.server = server;
        refresh();
    }

    /** Every row of a query on one service's database, as column-name maps. */
    List<Map<String, Object>> rows(String service, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connections.get(service).prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                        row.put(result.getMetaData().getColumnLabel(column), result.getObject(column));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    long count(String service, String sql, Object... parameters) throws SQLException {
        return ((Number) rows(service, sql, parameters).get(0).values().iterator().next()).longValue();
    }

    /**
     * Ends the snapshots, so the next reading sees what was committed since. Connects anew each
     * time: PostgreSQL may have been restarted since the last reading.
     */
    void refresh() throws SQLException {
        close();
        for (String service : SERVICES) {
            Connection connection = DriverManager.getConnection(
                    server.jdbcUrl(Cluster.DATABASE_PREFIX + "_" + service), server.username(), server.password());
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            connections.put(service, connection);
        }
    }

    @Override
    public void close() {
        for (Connection connection : connections.values()) {
            try {
                connection.close();
            } catch (SQLException gone) {
                // a connection the server dropped (it was restarted) has nothing left to close
            }
        }
        connections.clear();
    }
}
