package io.kinlink.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kinlink.testsupport.DatabaseServer;
import io.kinlink.testsupport.KinlinkPlatform;
import io.kinlink.testsupport.LocalBalancer;
import io.kinlink.testsupport.PortForwarder;
import io.kinlink.testsupport.RandomKeys;
import io.kinlink.testsupport.ServiceProcess;

/**
 * Everything the fault suite runs and breaks: PostgreSQL and a Kafka broker as processes on fixed
 * ports and data that outlive them, {@code replicas} of each domain service and of the gateway
 * (each kind behind a {@link LocalBalancer}, as behind a Kubernetes Service, when there are
 * several), each of which can be killed, paused and started again with the configuration it had.
 * A process is named by its service and replica: {@code rewards-service#2}.
 */
final class Cluster implements AutoCloseable {

    static final String GATEWAY = "gateway";
    static final List<String> SERVICES = List.of("member-service", "referral-service", "rewards-service", GATEWAY);
    static final String DATABASE_PREFIX = "faults";
    /** A consumer paused longer than this is out of its group; the pause fault outlasts it. */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

    private final Path root;
    private final Path work;
    private final Postgres postgres;
    private final KafkaBroker broker;
    private final int replicas;
    private final Map<String, String> secrets = RandomKeys.serviceSecrets();
    /** Where callers reach each service: its one replica, or the balancer in front of them. */
    private final Map<String, Integer> servicePorts = new LinkedHashMap<>();
    /** Each process's own port, by process name. */
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<LocalBalancer> balancers = new ArrayList<>();
    /** Every port handed out, listened on yet or not: a new one is never one of them. */
    private final Set<Integer> reserved = new HashSet<>();
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private final Map<String, Integer> incarnations = new HashMap<>();

    private Cluster(Path root, Path work, Postgres postgres, KafkaBroker broker, int replicas) {
        this.replicas = replicas;
        this.root = root;
        this.work = work;
        this.postgres = postgres;
        this.broker = broker;
    }

    static Cluster start(Path root, Path work, int replicas) throws IOException, InterruptedException {
        List<Integer> free = PortForwarder.freePorts(7);
        Postgres postgres = Postgres.start(work.resolve("postgres"), free.get(5));
        KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"), free.get(6), PortForwarder.freePort());
        Cluster cluster = new Cluster(root, work, postgres, broker, replicas);
        cluster.configure(free.subList(0, 4));
        cluster.placeReplicas();
        for (String name : cluster.ports.keySet()) {
            cluster.launch(name, Map.of());
        }
        for (String name : cluster.ports.keySet()) {
            cluster.running.get(name).awaitReady(Duration.ofMinutes(3));
        }
        return cluster;
    }

    private void configure(List<Integer> platformPorts) {
        String gatewayUrl = "http://localhost:" + platformPorts.get(0);
        Map<String, String> serviceSettings = Map.of(
                // a cap that never holds: which reward the cap holds depends on the order partitions are read in
                "KINLINK_REWARDS_DEFAULTS_BUDGET_MINIMUM_FEN", "100000000000",
                // dashes in the connector's name cannot be spelt as environment variables; system properties can
                "JAVA_TOOL_OPTIONS", "-Dmp.messaging.connector.smallrye-kafka.session.timeout.ms="
                        + SESSION_TIMEOUT.toMillis() + " -Dmp.messaging.connector.smallrye-kafka.heartbeat.interval.ms=3000");
        for (int i = 0; i < KinlinkPlatform.DOMAIN_SERVICES.size(); i++) {
            String service = KinlinkPlatform.DOMAIN_SERVICES.get(i);
            servicePorts.put(service, platformPorts.get(i + 1));
            environments.put(service, KinlinkPlatform.environment(service, broker.bootstrapServers(),
                    postgres.databaseServer(), DATABASE_PREFIX, secrets, serviceSettings, gatewayUrl));
        }
        servicePorts.put(GATEWAY, platformPorts.get(0));
        // the workload signs up and polls from one address: far above a person's limits
        Map<String, String> limits = new HashMap<>();
        for (String limit : List.of("REGISTRATION", "LANDING", "GENERAL", "LOGIN")) {
            limits.put("KINLINK_GATEWAY_RATE_LIMITS_" + limit + "_PER_MINUTE", "60000");
            limits.put("KINLINK_GATEWAY_RATE_LIMITS_" + limit + "_BURST", "10000");
        }
        environments.put(GATEWAY, KinlinkPlatform.gatewayEnvironment(platformPorts, secrets, limits));
    }

    /** Gives every process a port: the service's own with one replica, else free ones behind a balancer on it. */
    private void placeReplicas() {
        // the services' ports are not listened on yet: no replica may take one
        reserved.addAll(servicePorts.values());
        servicePorts.forEach((service, port) -> {
            List<Integer> replicaPorts = replicas == 1 ? List.of(port) : PortForwarder.freePorts(replicas, reserved);
            if (replicas > 1) {
                balancers.add(LocalBalancer.start(port, replicaPorts));
            }
            for (int replica = 1; replica <= replicas; replica++) {
                ports.put(service + "#" + replica, replicaPorts.get(replica - 1));
            }
        });
    }

    /** Starts one process with its configuration plus {@code extra} (a failpoint), its log a file of its own. */
    private ServiceProcess launch(String name, Map<String, String> extra) {
        String service = serviceOf(name);
        Map<String, String> environment = new HashMap<>(environments.get(service));
        if (service.equals(GATEWAY)) {
            // each gateway's /q on a port of its own
            environment.put(ServiceProcess.MANAGEMENT_PORT, Integer.toString(PortForwarder.freePorts(1, reserved).get(0)));
        }
        environment.putAll(extra);
        int incarnation = incarnations.merge(name, 1, Integer::sum);
        ServiceProcess process = ServiceProcess.start(root, service, ports.get(name), environment,
                work.resolve("logs").resolve(name.replace('#', '-') + "-" + incarnation));
        running.put(name, process);
        return process;
    }

    private static String serviceOf(String process) {
        return process.substring(0, process.indexOf('#'));
    }

    /** How many replicas each service runs. */
    int replicas() {
        return replicas;
    }

    /** The processes of one service: {@code service#1} and on. */
    List<String> replicasOf(String service) {
        List<String> names = new ArrayList<>();
        for (int replica = 1; replica <= replicas; replica++) {
            names.add(service + "#" + replica);
        }
        return names;
    }

    String gatewayUrl() {
        return "http://localhost:" + servicePorts.get(GATEWAY);
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    DatabaseServer databaseServer() {
        return postgres.databaseServer();
    }

    String administratorUsername() {
        return secrets.get(RandomKeys.ADMIN_USERNAME);
    }

    String administratorPassword() {
        return secrets.get(RandomKeys.ADMIN_PASSWORD);
    }

    ServiceProcess process(String name) {
        return running.get(name);
    }

    /** SIGKILL, as a crash or the kernel's OOM killer would. */
    void kill(String name) {
        running.get(name).kill();
    }

    /** Starts a killed process again and waits until it is ready. */
    void startAgain(String name) {
        launch(name, Map.of()).awaitReady(Duration.ofMinutes(3));
    }

    /** Starts killed processes again all at once (as a Deployment's pods come back) and waits until each is ready. */
    void startAgain(List<String> names) {
        List<ServiceProcess> started = names.stream().map(name -> launch(name, Map.of())).toList();
        started.forEach(process -> process.awaitReady(Duration.ofMinutes(3)));
    }

    /** Starts a killed process with a failpoint armed: it halts itself on that pass through the point. */
    ServiceProcess startArmed(String name, String failpoint) {
        ServiceProcess process = launch(name, Map.of("KINLINK_FAILPOINT", failpoint));
        return process;
    }

    /** A clean restart (SIGTERM, Kubernetes' grace), as a rolling update does to one pod. */
    void restart(String name) {
        running.get(name).stop(Duration.ofSeconds(45));
        running.get(name).kill();
        startAgain(name);
    }

    /** A rolling update: each replica of the service restarted in turn, the next once the last is ready again. */
    void rollingRestart(String service) {
        replicasOf(service).forEach(this::restart);
    }

    void killBroker() throws InterruptedException {
        broker.kill();
    }

    void startBroker() throws IOException, InterruptedException {
        broker.restart();
    }

    void stopPostgresImmediately() throws IOException, InterruptedException {
        postgres.stopImmediately();
    }

    void startPostgres() {
        postgres.restart();
    }

    /** Every log of every incarnation, for a failing seed's report. */
    Path logs() {
        return work.resolve("logs");
    }

    /** Stops the gateways first, so no request arrives at a service that is going away. */
    @Override
    public void close() throws InterruptedException {
        running.entrySet().parallelStream().filter(process -> serviceOf(process.getKey()).equals(GATEWAY))
                .forEach(process -> process.getValue().close());
        running.entrySet().parallelStream().filter(process -> !serviceOf(process.getKey()).equals(GATEWAY))
                .forEach(process -> process.getValue().close());
        balancers.forEach(LocalBalancer::close);
        broker.close();
        postgres.close();
    }
}
