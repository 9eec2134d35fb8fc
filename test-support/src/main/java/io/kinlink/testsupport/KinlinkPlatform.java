package io.kinlink.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The four services as separate processes on a given Kafka and PostgreSQL: each domain service
 * with a database of its own (shared by its replicas), the gateway in front. Used by the local
 * stack, the e2e tests and the benchmark, with one or several replicas of each.
 */
public final class KinlinkPlatform implements AutoCloseable {

    public static final List<String> DOMAIN_SERVICES = List.of("member-service", "referral-service", "rewards-service");

    /**
     * The branches a local run and the end-to-end tests start with (member-service's
     * kinlink.branches.initial); the same as the services' test profile.
     */
    public static final String DEMO_BRANCHES = "shanghai-jingan|上海静安店|Shanghai Jing'an|上海;"
            + "shanghai-xuhui|上海徐汇店|Shanghai Xuhui|上海;shanghai-pudong|上海浦东店|Shanghai Pudong|上海;"
            + "beijing-chaoyang|北京朝阳店|Beijing Chaoyang|北京;beijing|北京国贸店|Beijing Guomao|北京";
    /** The local stack's demo clinic group, so its share page looks like a clinic's and not like Kinlink's. */
    public static final Map<String, String> DEMO_BRAND = Map.of(
            "KINLINK_BRAND_NAME_ZH", "悦颜医美会员", "KINLINK_BRAND_NAME_EN", "Yueyan Aesthetics Club",
            "KINLINK_BRAND_PITCH_ZH", "好友推荐，一起变美", "KINLINK_BRAND_PITCH_EN", "Friends bring friends",
            "KINLINK_BRAND_COLOUR", "#8a3f6b");

    /**
     * How many of each process run: replicas of every domain service, and gateways. With more than
     * one, a {@link LocalBalancer} on the process's usual port spreads connections over them, as a
     * Kubernetes Service does.
     */
    public record Replicas(int perService, int gateways) {

        public static final Replicas ONE = new Replicas(1, 1);

        public Replicas {
            if (perService < 1 || gateways < 1) {
                throw new IllegalArgumentException("At least one of each process: " + perService + ", " + gateways);
            }
        }

        /** {@code n} replicas of each domain service and, beyond one, two gateways (as production's least). */
        public static Replicas of(int n) {
            return n == 1 ? ONE : new Replicas(n, 2);
        }
    }

    private final List<ServiceProcess> services;
    private final List<ServiceProcess> gateways;
    private final List<LocalBalancer> balancers;
    private final String gatewayUrl;

    private KinlinkPlatform(List<ServiceProcess> services, List<ServiceProcess> gateways, List<LocalBalancer> balancers,
                            String gatewayUrl) {
        this.services = services;
        this.gateways = gateways;
        this.balancers = balancers;
        this.gatewayUrl = gatewayUrl;
    }

    /**
     * @param ports    the gateway's port first, then one per domain service in {@link #DOMAIN_SERVICES} order
     * @param secrets  configuration that must not live in the repository (the PII keys)
     * @param database prefix of the database names, so several platforms can share a server
     */
    public static KinlinkPlatform start(Path root, String kafkaBootstrapServers, DatabaseServer postgres,
                                        String database, List<Integer> ports, Map<String, String> secrets,
                                        Path logDir) {
        return start(root, kafkaBootstrapServers, postgres, database, ports, secrets, Map.of(), Map.of(), logDir);
    }

    /**
     * @param gatewayOverrides extra gateway configuration as environment variables (test rate limits)
     * @param serviceOverrides extra configuration of every domain service, as environment variables
     */
    public static KinlinkPlatform start(Path root, String kafkaBootstrapServers, DatabaseServer postgres,
                                        String database, List<Integer> ports, Map<String, String> secrets,
                                        Map<String, String> gatewayOverrides, Map<String, String> serviceOverrides,
                                        Path logDir) {
        return start(root, kafkaBootstrapServers, postgres, database, ports, secrets, gatewayOverrides,
                serviceOverrides, logDir, Replicas.ONE);
    }

    /**
     * As above, with {@code replicas} of each process. The ports are where callers reach each kind
     * (a balancer when there are several); the replicas listen on free ports of their own.
     */
    public static KinlinkPlatform start(Path root, String kafkaBootstrapServers, DatabaseServer postgres,
                                        String database, List<Integer> ports, Map<String, String> secrets,
                                        Map<String, String> gatewayOverrides, Map<String, String> serviceOverrides,
                                        Path logDir, Replicas replicas) {
        List<ServiceProcess> started = new ArrayList<>();
        List<LocalBalancer> balancers = new ArrayList<>();
        // ports handed out but not listened on yet: a replica's must not be one of them
        Set<Integer> reserved = new HashSet<>(ports);
        try {
            String gatewayUrl = "http://localhost:" + ports.get(0);
            for (int i = 0; i < DOMAIN_SERVICES.size(); i++) {
                String service = DOMAIN_SERVICES.get(i);
                Map<String, String> env = environment(service, kafkaBootstrapServers, postgres, database, secrets,
                        serviceOverrides, gatewayUrl);
                List<Integer> replicaPorts = replicaPorts(ports.get(i + 1), replicas.perService(), balancers, reserved);
                for (int replica = 1; replica <= replicaPorts.size(); replica++) {
                    started.add(ServiceProcess.start(root, service, replica, replicaPorts.get(replica - 1), env, logDir));
                }
            }
            int domainProcesses = started.size();
            List<Integer> gatewayPorts = replicaPorts(ports.get(0), replicas.gateways(), balancers, reserved);
            for (int replica = 1; replica <= gatewayPorts.size(); replica++) {
                Map<String, String> overrides = new HashMap<>(gatewayOverrides);
                if (replica > 1 || !overrides.containsKey(ServiceProcess.MANAGEMENT_PORT)) {
                    // each gateway's /q on a port of its own
                    overrides.put(ServiceProcess.MANAGEMENT_PORT,
                            Integer.toString(PortForwarder.freePorts(1, reserved).get(0)));
                }
                started.add(ServiceProcess.start(root, "gateway", replica, gatewayPorts.get(replica - 1),
                        gatewayEnvironment(ports, secrets, overrides), logDir));
            }
            for (ServiceProcess process : started) {
                process.awaitReady(Duration.ofMinutes(replicas.equals(Replicas.ONE) ? 2 : 4));
            }
            return new KinlinkPlatform(List.copyOf(started.subList(0, domainProcesses)),
                    List.copyOf(started.subList(domainProcesses, started.size())), balancers, gatewayUrl);
        } catch (RuntimeException e) {
            started.forEach(ServiceProcess::close);
            balancers.forEach(LocalBalancer::close);
            throw e;
        }
    }

    /** {@code port} itself for one replica; else free ports for the replicas, and a balancer on {@code port}. */
    private static List<Integer> replicaPorts(int port, int count, List<LocalBalancer> balancers, Set<Integer> reserved) {
        if (count == 1) {
            return List.of(port);
        }
        List<Integer> replicaPorts = PortForwarder.freePorts(count, reserved);
        balancers.add(LocalBalancer.start(port, replicaPorts));
        return replicaPorts;
    }

    /**
     * The gateway's configuration as environment variables: its signing key, the services' addresses
     * ({@code ports} as in {@link #start}) and a management port of its own.
     */
    public static Map<String, String> gatewayEnvironment(List<Integer> ports, Map<String, String> secrets,
                                                         Map<String, String> overrides) {
        Map<String, String> gatewayEnv = new HashMap<>(overrides);
        // the gateway serves /q (health, metrics) on a port of its own, never on the public one
        gatewayEnv.putIfAbsent(ServiceProcess.MANAGEMENT_PORT, Integer.toString(PortForwarder.freePort()));
        // the gateway signs the identity it forwards; only it holds the private key
        gatewayEnv.put(RandomKeys.GATEWAY_SIGNING_KEY, secrets.get(RandomKeys.GATEWAY_SIGNING_KEY));
        gatewayEnv.put(RandomKeys.AUTH_PUBLIC_KEY, secrets.get(RandomKeys.AUTH_PUBLIC_KEY));
        for (int i = 0; i < DOMAIN_SERVICES.size(); i++) {
            String service = DOMAIN_SERVICES.get(i);
            gatewayEnv.put("KINLINK_GATEWAY_SERVICES_" + service.substring(0, service.indexOf('-')).toUpperCase(Locale.ROOT),
                    "http://localhost:" + ports.get(i + 1));
        }
        return gatewayEnv;
    }

    /** The configuration of one domain service, as environment variables. */
    public static Map<String, String> environment(String service, String kafkaBootstrapServers, DatabaseServer postgres,
                                                  String database, Map<String, String> secrets,
                                                  Map<String, String> overrides, String gatewayUrl) {
        String shortName = service.substring(0, service.indexOf('-'));
        Map<String, String> env = new HashMap<>(overrides);
        env.putAll(secrets);
        env.remove(RandomKeys.GATEWAY_SIGNING_KEY);
        if (!service.equals("member-service")) {
            // only the member service signs access tokens and keeps operators
            env.keySet().removeAll(Set.of(RandomKeys.AUTH_SIGNING_KEY, RandomKeys.ADMIN_USERNAME,
                    RandomKeys.ADMIN_PASSWORD));
        }
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.ensureDatabase(database + "_" + shortName));
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        env.put("KINLINK_REFERRAL_SHARE_BASE_URL", gatewayUrl);
        // no SMS here: login codes go to the member service's log, where the tests and the walk-through read them
        env.put("KINLINK_AUTH_LOGIN_CODES_SENDER", "log");
        // partners' webhook receivers on this machine (a test's, a developer's) listen on loopback over http
        env.put("KINLINK_WEBHOOKS_ALLOW_INSECURE_TARGETS", "true");
        if (service.equals("member-service")) {
            env.putIfAbsent("KINLINK_BRANCHES_INITIAL", DEMO_BRANCHES);
        }
        if (service.equals("referral-service")) {
            DEMO_BRAND.forEach(env::putIfAbsent);
        }
        return env;
    }

    /** Where callers reach the platform: the gateway, or the balancer in front of the gateways. */
    public String gatewayUrl() {
        return gatewayUrl;
    }

    /** The first gateway (with one, the gateway). */
    public ServiceProcess gateway() {
        return gateways.get(0);
    }

    public List<ServiceProcess> gateways() {
        return gateways;
    }

    /** Every replica of every domain service. */
    public List<ServiceProcess> services() {
        return services;
    }

    /** Stops the gateways first, so no request arrives at a service that is going away. */
    @Override
    public void close() {
        gateways.parallelStream().forEach(ServiceProcess::close);
        services.parallelStream().forEach(ServiceProcess::close);
        balancers.forEach(LocalBalancer::close);
    }
}
