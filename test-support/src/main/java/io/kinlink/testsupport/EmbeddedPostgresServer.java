package io.kinlink.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server started from the binaries on the classpath. As root it runs the
 * server through a user namespace, so it works where a plain initdb refuses to.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a server in a temporary data directory that is removed on close. */
    public static EmbeddedPostgresServer startTemporary() {
        return start(null, 0);
    }

    /** Starts a server on {@code dataDir} (kept across restarts) or a temporary one when null. */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        try {
            // stopped by our own ordered shutdown, after the services that use it
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", dataDir == null ? "off" : "on");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL server", e);
        }
    }

    public DatabaseServer asDatabaseServer() {
        return new DatabaseServer("jdbc:postgresql://localhost:" + postgres.getPort(), "postgres", "postgres");
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
