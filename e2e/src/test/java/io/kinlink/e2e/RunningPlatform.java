package io.kinlink.e2e;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.kinlink.testsupport.DatabaseServer;
import io.kinlink.testsupport.Infrastructure;
import io.kinlink.testsupport.KinlinkPlatform;
import io.kinlink.testsupport.PortForwarder;
import io.kinlink.testsupport.RandomKeys;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The packaged platform, started once for all e2e tests of this JVM on its real Kafka and PostgreSQL. */
final class RunningPlatform {

    private static KinlinkPlatform platform;
    private static final Map<String, String> SECRETS = RandomKeys.serviceSecrets();
    private static String operatorToken;
    /**
     * A budget cap that never holds: which reward is held near the cap depends on the order the
     * partitions are read in, which a replay does not repeat (see the rewards README); the cap
     * itself is tested in the rewards service's BudgetCapTest.
     */
    static final Map<String, String> SERVICE_SETTINGS = Map.of("KINLINK_REWARDS_DEFAULTS_BUDGET_MINIMUM_FEN",
            "100000000000",
            // WebhooksIT's receiver wants its retry soon
            "KINLINK_WEBHOOKS_RETRY_SCHEDULE", "1s,2s,4s");
    private static String tillKey;
    private static TraceCollector traces;

    private RunningPlatform() {
    }

    static synchronized String gatewayUrl() {
        if (platform == null) {
            Path root = Path.of(System.getProperty("kinlink.root", ".."));
            Infrastructure infrastructure = Infrastructure.shared();
            // The tests sign up many members and poll from one address within a minute: far above a person's limits.
            Map<String, String> generousLimits = Map.of(
                    "KINLINK_GATEWAY_RATE_LIMITS_REGISTRATION_PER_MINUTE", "6000",
                    "KINLINK_GATEWAY_RATE_LIMITS_REGISTRATION_BURST", "1000",
                    "KINLINK_GATEWAY_RATE_LIMITS_LANDING_PER_MINUTE", "6000",
                    "KINLINK_GATEWAY_RATE_LIMITS_LANDING_BURST", "1000",
                    "KINLINK_GATEWAY_RATE_LIMITS_GENERAL_PER_MINUTE", "60000",
                    "KINLINK_GATEWAY_RATE_LIMITS_GENERAL_BURST", "10000",
                    "KINLINK_GATEWAY_RATE_LIMITS_LOGIN_PER_MINUTE", "6000",
                    "KINLINK_GATEWAY_RATE_LIMITS_LOGIN_BURST", "1000");
            // every process exports its spans to a collector inside this JVM, quickly (ObservabilityIT reads them)
            traces = TraceCollector.start();
            Map<String, String> tracing = Map.of("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces.endpoint(),
                    "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
            // every console call renews the console's login, so ConsoleSessionIT sees a renewal without waiting
            Map<String, String> consoleRenewal = Map.of("KINLINK_GATEWAY_CONSOLE_RENEW_BEFORE", "15m");
            platform = KinlinkPlatform.start(root, infrastructure.kafkaBootstrapServers(),
                    infrastructure.databaseServer(), "e2e", PortForwarder.freePorts(4), SECRETS,
                    merged(merged(generousLimits, tracing), consoleRenewal),
                    merged(SERVICE_SETTINGS, tracing), root.resolve("e2e/target/service-logs"));
            Infrastructure.stopBeforeServers(() -> {
                platform.close();
                traces.close();
            });
        }
        return platform.gatewayUrl();
    }

    private static Map<String, String> merged(Map<String, String> first, Map<String, String> second) {
        Map<String, String> merged = new java.util.HashMap<>(first);
        merged.putAll(second);
        return merged;
    }

    /** The spans the running platform exported. */
    static synchronized TraceCollector traces() {
        gatewayUrl();
        return traces;
    }

    /** Where each process serves /q/metrics: the domain services on their port, the gateway on its management port. */
    static synchronized Map<String, String> metricsUrls() {
        gatewayUrl();
        Map<String, String> urls = new TreeMap<>();
        platform.services().forEach(service -> urls.put(service.name(), service.managementUrl() + "/q/metrics"));
        urls.put("gateway", platform.gateway().managementUrl() + "/q/metrics");
        return urls;
    }

    /** The bootstrapped administrator's name and password, as an operator types them into the console. */
    static String[] administrator() {
        return new String[] {SECRETS.get(RandomKeys.ADMIN_USERNAME), SECRETS.get(RandomKeys.ADMIN_PASSWORD)};
    }

    /** "Bearer ..." for the bootstrapped administrator, logged in through the gateway once. */
    static synchronized String operatorAuthorization() {
        if (operatorToken == null) {
            operatorToken = RestAssured.given().baseUri(gatewayUrl())
                    .contentType(ContentType.JSON)
                    .body(Map.of("username", SECRETS.get(RandomKeys.ADMIN_USERNAME),
                            "password", SECRETS.get(RandomKeys.ADMIN_PASSWORD)))
                    .post("/api/auth/operator-token").then().statusCode(200).extract().path("accessToken");
        }
        return "Bearer " + operatorToken;
    }

    /** Requests that carry the administrator's login unless they name another caller. */
    static RequestSpecification asOperator() {
        return new RequestSpecBuilder().addHeader("Authorization", operatorAuthorization())
                .build();
    }

    /** Adds a branch of a test's own to the directory, as an operator does; its id. */
    static String openBranch(String id) {
        RestAssured.given().baseUri(gatewayUrl())
                .header("Authorization", operatorAuthorization()).contentType(ContentType.JSON)
                .body(Map.of("nameZh", "测试门店 " + id, "nameEn", "Test branch " + id, "city", "上海"))
                .put("/api/branches/" + id).then().statusCode(201);
        return id;
    }

    /** A new partner API key for these branches, made by the administrator; {@code [id, key]}. */
    static String[] partnerKey(String name, List<String> branches, int requestsPerMinute) {
        var created = RestAssured.given().baseUri(gatewayUrl())
                .header("Authorization", operatorAuthorization()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "branches", branches, "requestsPerMinute", requestsPerMinute))
                .post("/api/partner-keys").then().statusCode(201).extract();
        return new String[] {created.path("partnerKey.id"), created.path("key")};
    }

    /** The till of the branch the e2e members join, with a key of its own (made once). */
    static synchronized String tillKey() {
        if (tillKey == null) {
            tillKey = partnerKey("Jing'an till", List.of("shanghai-jingan"), 60_000)[1];
        }
        return tillKey;
    }

    /**
     * The privacy notice version in force, which a sign-up accepts: operators (and the fuzz suite,
     * with valid operator calls) may publish new ones while the tests run.
     */
    static int privacyNoticeVersion() {
        return RestAssured.given().baseUri(gatewayUrl()).get("/api/privacy-notice").then().statusCode(200)
                .extract().path("version");
    }

    /** The member service's log, where the local stack's code sender writes login codes. */
    static Path memberServiceLog() {
        gatewayUrl();
        return Path.of(System.getProperty("kinlink.root", "..")).resolve("e2e/target/service-logs/member-service.log");
    }

    /** The PostgreSQL server the services' databases ({@code e2e_member}, ...) live on. */
    static DatabaseServer databaseServer() {
        gatewayUrl();
        return Infrastructure.shared().databaseServer();
    }

    /** Each domain service's own address, bypassing the gateway. */
    static synchronized Map<String, String> serviceUrls() {
        gatewayUrl();
        Map<String, String> urls = new TreeMap<>();
        platform.services().forEach(service -> urls.put(service.name(), service.url()));
        return urls;
    }

}
