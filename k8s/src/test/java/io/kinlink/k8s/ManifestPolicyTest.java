package io.kinlink.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.kinlink.events.Topics;
import io.kinlink.testsupport.ContainerServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What ops rely on, checked on every overlay's rendered objects. */
class ManifestPolicyTest {

    private static final List<String> APPS = List.of("gateway", "member-service", "referral-service", "rewards-service");
    private static final List<String> DOMAIN_SERVICES = APPS.subList(1, 4);

    private static List<JsonNode> containers(List<ObjectNode> objects) {
        List<JsonNode> containers = new ArrayList<>();
        for (ObjectNode deployment : Manifests.ofKind(objects, "Deployment")) {
            deployment.path("spec").path("template").path("spec").path("containers").forEach(containers::add);
        }
        return containers;
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void every_pod_passes_the_restricted_pod_security_standard(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        JsonNode namespace = Manifests.ofKind(objects, "Namespace").get(0);
        assertEquals("restricted", namespace.path("metadata").path("labels").path("pod-security.kubernetes.io/enforce")
                .asString());
        for (ObjectNode deployment : Manifests.ofKind(objects, "Deployment")) {
            String name = Manifests.name(deployment);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(false), name + " runAsNonRoot");
            assertEquals("RuntimeDefault", pod.path("securityContext").path("seccompProfile").path("type").asString(),
                    name + " seccomp");
            assertFalse(pod.path("automountServiceAccountToken").asBoolean(true), name + " mounts no API token");
            assertFalse(pod.path("hostNetwork").asBoolean(false) || pod.path("hostPID").asBoolean(false), name);
            pod.path("volumes").forEach(volume -> assertFalse(volume.has("hostPath"), name + " uses no host path"));
            assertTrue(pod.path("volumes").toString().contains("emptyDir"), name + " has an emptyDir for /tmp");
            for (JsonNode container : pod.path("containers")) {
                JsonNode security = container.path("securityContext");
                assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), name + " privilege escalation");
                assertTrue(security.path("readOnlyRootFilesystem").asBoolean(false), name + " read-only root");
                assertEquals("[\"ALL\"]", security.path("capabilities").path("drop").toString(), name + " capabilities");
                assertFalse(security.path("privileged").asBoolean(false), name);
                container.path("ports").forEach(port -> assertFalse(port.has("hostPort"), name + " host port"));
                assertTrue(container.path("volumeMounts").toString().contains("\"/tmp\""), name + " /tmp is writable");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void every_container_has_probes_on_the_health_paths_requests_limits_and_a_pinned_image(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        List<JsonNode> containers = containers(objects);
        assertEquals(4, containers.size());
        for (JsonNode container : containers) {
            String name = container.path("name").asString();
            assertEquals("/q/health/started", container.path("startupProbe").path("httpGet").path("path").asString(), name);
            assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asString(), name);
            assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asString(), name);
            // the gateway's health and metrics are on its management port: the public port has only the API
            String healthPort = name.equals("gateway") ? "management" : "http";
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertEquals(healthPort, container.path(probe).path("httpGet").path("port").asString(), name + " " + probe);
            }
            JsonNode resources = container.path("resources");
            for (String field : List.of("requests.cpu", "requests.memory", "limits.memory")) {
                String[] path = field.split("\\.");
                assertFalse(resources.path(path[0]).path(path[1]).isMissingNode(), name + " " + field);
            }
            assertPinned(container.path("image").asString());
        }
        Manifests.ofKind(objects, "Cluster").forEach(cluster -> assertPinned(cluster.path("spec").path("imageName").asString()));
    }

    private static void assertPinned(String image) {
        String tag = image.contains("@") ? image.substring(image.indexOf('@'))
                : image.lastIndexOf(':') > image.lastIndexOf('/') ? image.substring(image.lastIndexOf(':') + 1) : "";
        assertFalse(tag.isEmpty() || tag.equals("latest"), image + " names a version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void the_network_policies_allow_exactly_the_paths_of_the_architecture(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        List<NetworkGraph.Peer> peers = new ArrayList<>();
        for (ObjectNode deployment : Manifests.ofKind(objects, "Deployment")) {
            Map<String, String> labels = new java.util.HashMap<>();
            deployment.path("spec").path("template").path("metadata").path("labels").properties()
                    .forEach(label -> labels.put(label.getKey(), label.getValue().asString()));
            peers.add(new NetworkGraph.Peer(deployment.path("metadata").path("name").asString(), "kinlink", labels));
        }
        for (String db : List.of("member-db", "referral-db", "rewards-db")) {
            peers.add(new NetworkGraph.Peer(db, "kinlink", Map.of("cnpg.io/cluster", db)));
        }
        peers.add(new NetworkGraph.Peer("kafka", "kinlink", Map.of("strimzi.io/cluster", "kinlink", "strimzi.io/kind", "Kafka")));
        peers.add(new NetworkGraph.Peer("ingress-nginx", "ingress-nginx", Map.of()));
        peers.add(new NetworkGraph.Peer("monitoring", "monitoring", Map.of()));
        peers.add(new NetworkGraph.Peer("otel-collector", "observability",
                Map.of("app.kubernetes.io/name", "otel-collector")));
        peers.add(new NetworkGraph.Peer("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns")));
        peers.add(new NetworkGraph.Peer("cnpg-operator", "cnpg-system", Map.of()));
        peers.add(new NetworkGraph.Peer("another-namespace", "elsewhere", Map.of()));

        Set<String> relevant = new TreeSet<>();
        for (String edge : new NetworkGraph(objects, "kinlink").edges(peers)) {
            String[] ends = edge.split(" -> ");
            if (APPS.contains(ends[0]) || APPS.contains(ends[1]) || ends[1].endsWith("-db")) {
                relevant.add(edge);
            }
        }
        Set<String> architecture = new TreeSet<>(Set.of("ingress-nginx -> gateway", "monitoring -> gateway",
                "cnpg-operator -> member-db", "cnpg-operator -> referral-db", "cnpg-operator -> rewards-db",
                "gateway -> kube-dns", "gateway -> otel-collector"));
        for (String service : DOMAIN_SERVICES) {
            String db = service.replace("-service", "-db");
            architecture.addAll(List.of("gateway -> " + service, "monitoring -> " + service, service + " -> " + db,
                    service + " -> kafka", service + " -> kube-dns", service + " -> otel-collector"));
        }
        assertEquals(architecture, relevant);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void every_variable_the_manifests_set_is_a_property_the_service_reads(String overlay) throws Exception {
        List<ObjectNode> objects = Manifests.render(overlay);
        List<String> unread = new ArrayList<>();
        for (ObjectNode deployment : Manifests.ofKind(objects, "Deployment")) {
            String service = deployment.path("metadata").path("name").asString();
            ServiceProperties reads = new ServiceProperties(service);
            for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
                Set<String> variables = new TreeSet<>();
                container.path("env").forEach(variable -> variables.add(variable.path("name").asString()));
                for (JsonNode source : container.path("envFrom")) {
                    String configMap = source.path("configMapRef").path("name").asString();
                    Manifests.ofKind(objects, "ConfigMap").stream()
                            .filter(map -> map.path("metadata").path("name").asString().equals(configMap))
                            .forEach(map -> map.path("data").propertyNames().forEach(variables::add));
                }
                variables.stream().filter(variable -> !reads.reads(variable))
                        .forEach(variable -> unread.add(service + ": " + variable));
            }
        }
        assertEquals(List.of(), unread, "set by the manifests but read by no one (a typo falls back to a default)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void the_tests_containers_run_the_versions_the_manifests_pin(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        assertEquals(ContainerServers.kafkaVersion(),
                Manifests.ofKind(objects, "Kafka").get(0).path("spec").path("kafka").path("version").asString());
        Manifests.ofKind(objects, "Cluster").forEach(cluster -> assertTrue(cluster.path("spec").path("imageName")
                .asString().endsWith(":" + ContainerServers.postgresVersion()), cluster.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void a_policy_that_opens_outside_addresses_keeps_the_private_ranges_closed(String overlay) {
        List<String> opened = new ArrayList<>();
        for (ObjectNode policy : Manifests.ofKind(Manifests.render(overlay), "NetworkPolicy")) {
            for (JsonNode rule : policy.path("spec").path("egress")) {
                for (JsonNode peer : rule.path("to")) {
                    if (peer.has("ipBlock")) {
                        List<String> except = new ArrayList<>();
                        peer.path("ipBlock").path("except").forEach(range -> except.add(range.asString()));
                        assertTrue(except.containsAll(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
                                "100.64.0.0/10", "169.254.0.0/16", "127.0.0.0/8")), policy.path("metadata") + " " + except);
                        rule.path("ports").forEach(port -> assertEquals(443, port.path("port").asInt()));
                        opened.add(policy.path("metadata").path("name").asString());
                    }
                }
            }
        }
        assertEquals(List.of("member-service-public-https"), opened, "only the member service calls out");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void every_topic_the_code_uses_is_a_kafka_topic_and_no_other(String overlay) throws Exception {
        Set<String> declared = new TreeSet<>();
        for (ObjectNode topic : Manifests.ofKind(Manifests.render(overlay), "KafkaTopic")) {
            declared.add(topic.path("spec").path("topicName").asString());
            assertEquals("delete", topic.path("spec").path("config").path("cleanup.policy").asString());
            assertTrue(topic.path("spec").path("config").path("retention.ms").asLong() > 0);
        }
        assertEquals(topicsTheCodeUses(), declared);
    }

    /** The event topics (one source of truth: Topics) and every topic the services' channels name. */
    private static Set<String> topicsTheCodeUses() throws IOException, IllegalAccessException {
        Set<String> topics = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                topics.add((String) field.get(null));
            }
        }
        for (String service : DOMAIN_SERVICES) {
            // the platform's shared settings (the dead-letter topic per service among them), then the service's own
            Properties properties = new Properties();
            for (Path file : List.of(
                    Manifests.root().resolveSibling("platform").resolve("src/main/resources/META-INF/microprofile-config.properties"),
                    Manifests.root().resolveSibling(service).resolve("src/main/resources/application.properties"))) {
                try (Reader in = Files.newBufferedReader(file)) {
                    properties.load(in);
                }
            }
            properties.stringPropertyNames().stream()
                    .filter(name -> name.startsWith("mp.messaging.") && (name.endsWith(".topic") || name.endsWith(".topics")))
                    .forEach(name -> Arrays.stream(properties.getProperty(name).split(",")).map(String::strip)
                            .forEach(topic -> topics.add(topic.replace("${quarkus.application.name}",
                                    properties.getProperty("quarkus.application.name")))));
        }
        return topics;
    }
}
