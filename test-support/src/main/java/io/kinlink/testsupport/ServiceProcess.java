package io.kinlink.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged Quarkus service running as a child process, its output in a log file. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** The JVM options of the processes (system property); the benchmark gives the production ones. */
    public static final String JVM_OPTIONS = "kinlink.service.jvm-options";
    /** A small heap and the quick C1 compiler: four services start fast on two cores (tests, local stack). */
    static final String FAST_START = "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    /** Where a process serves /q (health, metrics) when it has a management interface of its own. */
    public static final String MANAGEMENT_PORT = "QUARKUS_MANAGEMENT_PORT";

    private final String name;
    private final int replica;
    private final int port;
    private final int managementPort;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int replica, int port, int managementPort, Process process, Path log) {
        this.name = name;
        this.replica = replica;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code <root>/<name>/target/quarkus-app/quarkus-run.jar}. Configuration goes in the
     * environment, where secrets do not show in a process listing.
     */
    public static ServiceProcess start(Path root, String name, int port, Map<String, String> environment, Path logDir) {
        return start(root, name, 1, port, environment, logDir);
    }

    /**
     * Starts replica {@code replica} (from 1) of a service: the first logs to {@code <name>.log} as
     * a lone process does, the others to {@code <name>-<replica>.log}.
     */
    public static ServiceProcess start(Path root, String name, int replica, int port, Map<String, String> environment,
                                       Path logDir) {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw package -DskipTests)");
        }
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(replica == 1 ? name + ".log" : name + "-" + replica + ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(List.of(System.getProperty(JVM_OPTIONS, FAST_START).trim().split("\\s+")));
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            int management = environment.containsKey(MANAGEMENT_PORT)
                    ? Integer.parseInt(environment.get(MANAGEMENT_PORT)) : port;
            return new ServiceProcess(name, replica, port, management, builder.start(), log);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + name, e);
        }
    }

    /** Waits until the service answers its readiness check; fails at once if it exits. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** Where /q/health and /q/metrics answer: the management port, or the service's own port. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    public String name() {
        return name;
    }

    /** Which replica of its service this is, from 1. */
    public int replica() {
        return replica;
    }

    /** The operating system's id of the process (the benchmark reads its memory). */
    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** Asks the service to stop (SIGTERM, so Quarkus shuts down cleanly), then insists. */
    @Override
    public void close() {
        if (!stop(Duration.ofSeconds(15))) {
            try {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Kills the process at once (SIGKILL, as a crash or an OOM kill would): nothing runs on its way out. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends a signal by name ({@code STOP}, {@code CONT}): a paused process keeps its sockets but answers nothing. */
    public void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the process still runs (a failpoint halts it by itself). */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM and waits; true when the service exited by itself within {@code grace}. */
    public boolean stop(Duration grace) {
        process.destroy();
        try {
            return process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
