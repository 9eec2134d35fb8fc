package io.kinlink.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The four services as separate processes on a given Kafka and PostgreSQL: each domain service
 * with a database of its own, the gateway in front. Used by the local stack and the e2e tests.
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

    private final List<ServiceProcess> services;
    private final ServiceProcess gateway;

    private KinlinkPlatform(List<ServiceProcess> services, ServiceProcess gateway) {
        this.services = services;
        this.gateway = gateway;
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
        List<ServiceProcess> started = new ArrayList<>();
        try {
            String gatewayUrl = "http://localhost:" + ports.get(0);
            for (int i = 0; i < DOMAIN_SERVICES.size(); i++) {
                String service = DOMAIN_SERVICES.get(i);
                Map<String, String> env = environment(service, kafkaBootstrapServers, postgres, database, secrets,
                        serviceOverrides, gatewayUrl);
                started.add(ServiceProcess.start(root, service, ports.get(i + 1), env, logDir));
            }
            Map<String, String> gatewayEnv = gatewayEnvironment(ports, secrets, gatewayOverrides);
            ServiceProcess gateway = ServiceProcess.start(root, "gateway", ports.get(0), gatewayEnv, logDir);
            started.add(gateway);
            for (ServiceProcess service : started) {
                service.awaitReady(Duration.ofMinutes(2));
            }
            return new KinlinkPlatform(started.subList(0, DOMAIN_SERVICES.size()), gateway);
        } catch (RuntimeException e) {
            started.forEach(ServiceProcess::close);
            throw e;
        }
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

    public String gatewayUrl() {
        return gateway.url();
    }

    public ServiceProcess gateway() {
        return gateway;
    }

    public List<ServiceProcess> services() {
        return services;
    }

    /** Stops the gateway first, so no request arrives at a service that is going away. */
    @Override
    public void close() {
        gateway.close();
        services.parallelStream().forEach(ServiceProcess::close);
    }
}
