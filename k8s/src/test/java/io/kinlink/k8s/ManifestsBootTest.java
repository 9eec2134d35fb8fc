package io.kinlink.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kinlink.testsupport.DatabaseServer;
import io.kinlink.testsupport.EmbeddedKafka;
import io.kinlink.testsupport.EmbeddedPostgresServer;
import io.kinlink.testsupport.PortForwarder;
import io.kinlink.testsupport.RandomKeys;
import io.kinlink.testsupport.ServiceProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The manifests boot: each Deployment of overlays/local is started from the packaged service with
 * exactly the environment the manifests give it (its ConfigMap, and its Secrets as k8s/create-secrets
 * makes them for an installation), with only the hosts pointed at this
 * JVM's Kafka and PostgreSQL and a free port, and becomes ready. Its readiness then follows its
 * database: DOWN when PostgreSQL stops, UP again when it is back.
 */
class ManifestsBootTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    /** The Secrets the manifests name, as k8s/create-secrets makes them (the README's install step). */
    private static final Map<String, String> SECRET_VALUES = secretsFromTheScript();

    @Test
    void each_deployment_starts_with_its_manifest_environment_and_its_readiness_follows_its_database()
            throws Exception {
        Path root = Manifests.root().getParent();
        Path pgData = Files.createTempDirectory("kinlink-boot-pg-");
        int pgPort = PortForwarder.freePort();
        String pgPassword = RandomKeys.password();
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(pgData, pgPort, pgPassword);
        List<ServiceProcess> started = new ArrayList<>();
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
            List<ObjectNode> objects = Manifests.render("local");
            Map<String, String> serviceUrls = new LinkedHashMap<>();
            List<ObjectNode> deployments = new ArrayList<>(Manifests.ofKind(objects, "Deployment"));
            deployments.sort((a, b) -> Boolean.compare(isGateway(a), isGateway(b))); // the gateway last
            for (ObjectNode deployment : deployments) {
                String name = deployment.path("metadata").path("name").asString();
                int port = PortForwarder.freePort();
                Map<String, String> env = environment(objects, deployment, postgres.asDatabaseServer(),
                        kafka.bootstrapServers(), serviceUrls);
                env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
                if (isGateway(deployment)) {
                    env.put(ServiceProcess.MANAGEMENT_PORT, Integer.toString(PortForwarder.freePort()));
                }
                ServiceProcess process = ServiceProcess.start(root, name, port, env,
                        root.resolve("k8s/target/service-logs"));
                started.add(process);
                process.awaitReady(Duration.ofMinutes(2));
                assertFalse(Files.readString(process.log()).contains("Unrecognized configuration key"),
                        name + " was given configuration it does not know; see " + process.log());
                serviceUrls.put(name, process.url());
            }
            String member = serviceUrls.get("member-service");
            assertEquals(200, readiness(member));

            postgres.close();
            awaitReadiness(member, 503, Duration.ofSeconds(40));
            postgres = EmbeddedPostgresServer.start(pgData, pgPort, pgPassword);
            awaitReadiness(member, 200, Duration.ofSeconds(60));
        } finally {
            started.forEach(ServiceProcess::close);
            postgres.close();
        }
    }

    private static boolean isGateway(ObjectNode deployment) {
        return deployment.path("metadata").path("name").asString().equals("gateway");
    }

    /** The container's environment as the kubelet would give it, hosts pointed at this JVM's servers. */
    private static Map<String, String> environment(List<ObjectNode> objects, ObjectNode deployment,
                                                   DatabaseServer postgres, String kafka,
                                                   Map<String, String> serviceUrls) {
        JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
        Map<String, String> env = new HashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            String configMap = source.path("configMapRef").path("name").asString();
            ObjectNode map = Manifests.ofKind(objects, "ConfigMap").stream()
                    .filter(candidate -> candidate.path("metadata").path("name").asString().equals(configMap))
                    .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + configMap));
            map.path("data").properties().forEach(entry -> env.put(entry.getKey(), entry.getValue().asString()));
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asString();
            if (variable.has("value")) {
                env.put(name, variable.path("value").asString());
                continue;
            }
            JsonNode ref = variable.path("valueFrom").path("secretKeyRef");
            String secret = ref.path("name").asString();
            String key = ref.path("key").asString();
            if (secret.endsWith("-db-app")) {
                // CloudNativePG's app secret: this JVM's PostgreSQL, a database per service
                String database = "boot_" + secret.substring(0, secret.length() - "-db-app".length());
                env.put(name, switch (key) {
                    case "jdbc-uri" -> postgres.ensureDatabase(database);
                    case "username" -> postgres.username();
                    case "password" -> postgres.password();
                    default -> throw new AssertionError("CloudNativePG makes no key " + key + " in " + secret);
                });
            } else {
                String value = SECRET_VALUES.get(secret + "/" + key);
                assertNotNull(value, "the manifests name a secret value k8s/create-secrets does not make: "
                        + secret + "/" + key);
                env.put(name, value);
            }
        }
        env.replace("KAFKA_BOOTSTRAP_SERVERS", kafka);
        serviceUrls.forEach((service, url) -> env.replace(
                "KINLINK_GATEWAY_SERVICES_" + service.replace("-service", "").toUpperCase(java.util.Locale.ROOT), url));
        return env;
    }

    /** Runs k8s/create-secrets and reads its Secrets: "secret/key" to the decoded value. */
    private static Map<String, String> secretsFromTheScript() {
        try {
            Process script = new ProcessBuilder(Manifests.root().resolve("create-secrets").toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String yaml = new String(script.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, script.waitFor(), "k8s/create-secrets failed");
            Map<String, String> values = new HashMap<>();
            for (ObjectNode secret : Manifests.ofKind(Manifests.parse(yaml), "Secret")) {
                String name = secret.path("metadata").path("name").asString();
                secret.path("data").properties().forEach(entry -> values.put(name + "/" + entry.getKey(),
                        new String(java.util.Base64.getDecoder().decode(entry.getValue().asString()),
                                java.nio.charset.StandardCharsets.UTF_8)));
            }
            return values;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int readiness(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void awaitReadiness(String url, int status, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = readiness(url);
            if (last == status) {
                return;
            }
            Thread.sleep(500);
        }
        assertEquals(status, last, "readiness of " + url + " within " + within);
    }
}
