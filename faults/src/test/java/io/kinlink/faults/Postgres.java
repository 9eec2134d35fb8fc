package io.kinlink.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.kinlink.testsupport.DatabaseServer;
import io.kinlink.testsupport.EmbeddedPostgresServer;
import io.kinlink.testsupport.RandomKeys;

/**
 * PostgreSQL on a fixed port and a data directory of its own, which can be stopped in immediate
 * mode (SIGQUIT to the postmaster: every backend exits at once, nothing is checkpointed, the next
 * start replays the WAL) and started again, as a crashed database pod would be.
 */
final class Postgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private final String password = RandomKeys.password();
    private EmbeddedPostgresServer server;

    private Postgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    static Postgres start(Path dataDirectory, int port) {
        Postgres postgres = new Postgres(dataDirectory, port);
        postgres.restart();
        return postgres;
    }

    DatabaseServer databaseServer() {
        return server.asDatabaseServer();
    }

    /** Immediate shutdown: the postmaster and its backends go at once; clients see their connections drop. */
    void stopImmediately() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
        new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).start().waitFor();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (postmaster.map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL (pid " + pid + ") did not stop");
            }
            Thread.sleep(50);
        }
        // lets go of the data directory's lock; its pg_ctl stop finds no server and says so in the log
        server.close();
    }

    /** Starts the server on its data directory as it was left (crash recovery when it was stopped immediately). */
    void restart() {
        server = EmbeddedPostgresServer.start(dataDirectory, port, password);
    }

    @Override
    public void close() {
        server.close();
    }
}
