package io.kinlink.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Runs the whole platform on this machine: Kafka and PostgreSQL from Maven Central, the four
 * services, the gateway on one port. Data lives under one folder ({@code --data}, default
 * {@code .kinlink}) that {@code --wipe} removes first. Ctrl-C stops everything.
 */
public final class LocalStack {

    /** The local PostgreSQL superuser's password, kept in secrets.properties beside the services' keys. */
    static final String POSTGRES_PASSWORD = "KINLINK_LOCAL_POSTGRES_PASSWORD";
    /** The password of the local Kafka's one SCRAM user, {@code kinlink}, kept there too. */
    static final String KAFKA_PASSWORD = "KINLINK_LOCAL_KAFKA_PASSWORD";

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        long started = System.nanoTime();
        if (options.wipe()) {
            Folders.delete(options.data());
            System.out.println("Wiped " + options.data().toAbsolutePath());
        }
        Files.createDirectories(options.data());
        System.out.println("Starting Kafka and PostgreSQL (data in " + options.data().toAbsolutePath() + ") ...");
        // the data of a broker without credentials (before SCRAM) stays where it was and is not used
        SecuredKafka kafka = SecuredKafka.start(options.data().resolve("kafka-scram"),
                localSecret(options.data(), KAFKA_PASSWORD));
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(options.data().resolve("postgres"), 0,
                localSecret(options.data(), POSTGRES_PASSWORD));
        AtomicReference<KinlinkPlatform> platform = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        // One hook, in order: the JVM runs separate hooks concurrently, and a broker that stops
        // before the services have left their consumer groups makes the next start wait for
        // their sessions to expire.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Kinlink ...");
            if (platform.get() != null) {
                platform.get().close();
            }
            kafka.close();
            postgres.close();
            stopped.countDown();
        }, "stop-kinlink"));

        System.out.println(options.replicas() == 1 ? "Starting member, referral and rewards services and the gateway ..."
                : "Starting " + options.replicas() + " replicas each of the member, referral and rewards services and two gateways,"
                + " each kind behind a local balancer ...");
        int port = options.port();
        try {
            platform.set(KinlinkPlatform.start(options.root(), kafka.bootstrapServers(),
                    postgres.asDatabaseServer(), "kinlink", List.of(port, port + 1, port + 2, port + 3),
                    secrets(options.data()), Map.of(ServiceProcess.MANAGEMENT_PORT, Integer.toString(port + 4)),
                    kafka.serviceEnvironment(), options.data().resolve("logs"), KinlinkPlatform.Replicas.of(options.replicas())));
        } catch (RuntimeException failed) {
            // the shutdown hook stops Kafka and PostgreSQL; nothing is left running behind a failed start
            System.err.println("\nKinlink did not start: " + failed.getMessage());
            System.exit(1);
        }

        System.out.printf("%nKinlink is ready in %d s: %s%n", (System.nanoTime() - started) / 1_000_000_000,
                platform.get().gatewayUrl());
        System.out.println("Operator login: admin, password " + RandomKeys.ADMIN_PASSWORD + " in "
                + options.data().resolve("secrets.properties").toAbsolutePath());
        if (options.replicas() == 1) {
            System.out.println("Health and metrics: the gateway's on http://localhost:" + (port + 4) + "/q/health and /q/metrics, "
                    + "each service's on its own port (" + (port + 1) + "-" + (port + 3) + ")");
        } else {
            platform.get().gateways().forEach(gateway -> System.out.println("  gateway " + gateway.replica() + ": "
                    + gateway.url() + ", health and metrics on " + gateway.managementUrl() + "/q/health"));
            platform.get().services().forEach(service -> System.out.println("  " + service.name() + " "
                    + service.replica() + ": " + service.url() + " (log " + service.log().getFileName() + ")"));
        }
        System.out.println("Service logs: " + options.data().resolve("logs").toAbsolutePath() + "   Ctrl-C stops it.");
        stopped.await();
    }

    /**
     * The keys that protect personal data, made once per data folder and kept there (readable
     * by its owner only), so a restart can still read what was stored.
     */
    private static Map<String, String> secrets(Path data) throws IOException {
        Properties secrets = loadSecrets(data);
        // A key added by a newer version is made once and kept; existing keys are never replaced.
        Map<String, String> fresh = RandomKeys.serviceSecrets();
        if (!secrets.keySet().containsAll(fresh.keySet())) {
            fresh.forEach(secrets::putIfAbsent);
            storeSecrets(data, secrets);
        }
        Map<String, String> env = new HashMap<>();
        fresh.keySet().forEach(name -> env.put(name, secrets.getProperty(name)));
        return env;
    }

    /** A secret of the local stack itself (not a service's), made on first use and kept. */
    private static String localSecret(Path data, String name) throws IOException {
        Properties secrets = loadSecrets(data);
        if (secrets.getProperty(name) == null) {
            secrets.setProperty(name, RandomKeys.password());
            storeSecrets(data, secrets);
        }
        return secrets.getProperty(name);
    }

    private static Properties loadSecrets(Path data) throws IOException {
        Path file = data.resolve("secrets.properties");
        Properties secrets = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                secrets.load(in);
            }
        } else {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return secrets;
    }

    private static void storeSecrets(Path data, Properties secrets) throws IOException {
        try (OutputStream out = Files.newOutputStream(data.resolve("secrets.properties"))) {
            secrets.store(out, "Local keys and passwords (first administrator, PostgreSQL, Kafka); generated, never committed");
        }
    }

    record Options(Path root, Path data, boolean wipe, int port, int replicas) {

        static Options parse(String[] args) {
            Path root = Path.of(System.getProperty("kinlink.root", "."));
            Path data = root.resolve(".kinlink");
            boolean wipe = false;
            int port = 8080;
            int replicas = 1;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--wipe" -> wipe = true;
                    case "--data" -> data = Path.of(args[++i]);
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--replicas" -> replicas = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]
                            + " (known: --wipe, --data DIR, --port N, --replicas N; services use the next three ports)");
                }
            }
            if (replicas < 1 || replicas > 8) {
                throw new IllegalArgumentException("--replicas takes 1 to 8, not " + replicas);
            }
            return new Options(root, data, wipe, port, replicas);
        }
    }
}
