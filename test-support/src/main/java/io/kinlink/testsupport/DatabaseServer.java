package io.kinlink.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server reachable over JDBC, embedded or external, on which each service gets
 * a database of its own.
 *
 * @param baseUrl  {@code jdbc:postgresql://host:port}, without a database name
 */
public record DatabaseServer(String baseUrl, String username, String password) {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** Creates the database when it does not exist yet and returns its JDBC URL. */
    public String ensureDatabase(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a safe database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(baseUrl + "/postgres", username, password);
             Statement statement = connection.createStatement()) {
            var result = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!result.next()) {
                statement.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on " + baseUrl, e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return baseUrl + "/" + database;
    }
}
