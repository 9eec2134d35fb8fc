package io.kinlink.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.kinlink.testsupport.DatabaseServer;

/**
 * The number of rows in every table of the three services' databases, read directly: a refused
 * request must leave them as they were. The gateway's shared rate buckets aside: a limit counts
 * every attempt, refused or not, which is what it is for.
 */
final class WriteAudit implements AutoCloseable {

    private static final Set<String> ATTEMPT_COUNTERS = Set.of("rate_bucket");

    private final Map<String, Connection> connections = new LinkedHashMap<>();
    private final Map<String, String> countQueries = new LinkedHashMap<>();

    WriteAudit(DatabaseServer server, List<String> databases) throws SQLException {
        for (String database : databases) {
            Connection connection = DriverManager.getConnection(server.jdbcUrl(database), server.username(),
                    server.password());
            connection.setReadOnly(true);
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = connection.createStatement().executeQuery("select table_name from information_schema"
                    + ".tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
                while (rows.next()) {
                    if (!ATTEMPT_COUNTERS.contains(rows.getString(1))) {
                        tables.add(rows.getString(1));
                    }
                }
            }
            connections.put(database, connection);
            countQueries.put(database, "select " + tables.stream()
                    .map(table -> "(select count(*) from \"" + table + "\") as \"" + table + "\"")
                    .collect(Collectors.joining(", ")));
        }
    }

    /** Rows per {@code database.table}. */
    Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, Connection> database : connections.entrySet()) {
            try (ResultSet row = database.getValue().createStatement().executeQuery(countQueries.get(database.getKey()))) {
                row.next();
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    counts.put(database.getKey() + "." + row.getMetaData().getColumnName(i), row.getLong(i));
                }
            }
        }
        return counts;
    }

    /** Waits until two readings a moment apart agree: what accepted writes set off (events, consumers) has settled. */
    Map<String, Long> settled() throws SQLException, InterruptedException {
        Map<String, Long> before = counts();
        for (int i = 0; i < 60; i++) {
            Thread.sleep(250);
            Map<String, Long> now = counts();
            if (now.equals(before)) {
                return now;
            }
            before = now;
        }
        return before;
    }

    /** The tables whose counts differ, with before and after. */
    static String difference(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream().filter(entry -> !entry.getValue().equals(before.get(entry.getKey())))
                .map(entry -> entry.getKey() + " " + before.get(entry.getKey()) + " -> " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : connections.values()) {
            connection.close();
        }
    }
}
