package io.kinlink.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server started from the binaries on the classpath. As root it runs the
 * server through a user namespace, so it works where a plain initdb refuses to. It listens on
 * loopback only, and every connection, local or over TCP, needs the password (SCRAM).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    /** Starts a server in a temporary data directory that is removed on close, with a password of its own. */
    public static EmbeddedPostgresServer startTemporary() {
        return start(null, 0, RandomKeys.password());
    }

    /**
     * Starts a server on {@code dataDir} (kept across restarts) or a temporary one when null, whose
     * superuser has {@code password} (set on the first start; initdb leaves trust, which ends here).
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, String password) {
        try {
            AtomicReference<File> initialized = new AtomicReference<>();
            // stopped by our own ordered shutdown, after the services that use it
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", dataDir == null ? "off" : "on")
                    // zonky turns it off for speed; a kept database must not lose a commit it acknowledged
                    // (the fault suite saw an issued coupon vanish after an immediate stop)
                    .setServerConfig("synchronous_commit", dataDir == null ? "off" : "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setConnectConfig("password", password)
                    .setDataDirectoryCustomizer(initialized::set);
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            Path directory = dataDir != null ? dataDir : initialized.get().toPath();
            requirePassword(postgres, directory, password);
            return new EmbeddedPostgresServer(postgres, password);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL server", e);
        }
    }

    /** Gives the superuser its password and ends initdb's trust: from now on every connection must log in. */
    private static void requirePassword(EmbeddedPostgres postgres, Path dataDir, String password)
            throws SQLException, IOException {
        if (!password.matches("[A-Za-z0-9_-]{16,}")) {
            throw new IllegalArgumentException("The PostgreSQL password must be 16 or more letters and digits");
        }
        Files.writeString(dataDir.resolve("pg_hba.conf"), """
                # Written by Kinlink: a password (SCRAM) for every connection; the server listens on loopback only.
                local all all scram-sha-256
                host  all all 127.0.0.1/32 scram-sha-256
                host  all all ::1/128 scram-sha-256
                """);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("alter role " + SUPERUSER + " password '" + password + "'");
            statement.execute("select pg_reload_conf()");
        }
    }

    public DatabaseServer asDatabaseServer() {
        return new DatabaseServer("jdbc:postgresql://localhost:" + postgres.getPort(), SUPERUSER, password);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("Could not stop the embedded PostgreSQL server", e);
        }
    }
}
