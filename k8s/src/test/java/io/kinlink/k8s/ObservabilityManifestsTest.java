package io.kinlink.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The observability component as each overlay renders it: the alert rules pass promtool's check
 * and its unit tests (the dead-letter and outbox-age alerts), every alert tells the on-call what to
 * do, Prometheus scrapes every Kinlink pod, and Grafana's sidecar finds the dashboard. That every
 * metric a rule or panel names exists is checked against the running services (e2e ObservabilityIT).
 */
class ObservabilityManifestsTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void the_alert_rules_pass_promtool_check_and_their_unit_tests(String overlay) throws Exception {
        String promtool = promtool();
        Path dir = Files.createTempDirectory("kinlink-rules-");
        ObjectNode rules = JSON.createObjectNode();
        rules.set("groups", prometheusRule(overlay).path("spec").path("groups"));
        Files.writeString(dir.resolve("rules.yaml"), Manifests.YAML.writeValueAsString(rules));
        Files.copy(Manifests.root().resolve("components/observability/tests/alert-rules-test.yaml"),
                dir.resolve("alert-rules-test.yaml"));

        assertPasses(dir, promtool, "check", "rules", "rules.yaml");
        assertPasses(dir, promtool, "test", "rules", "alert-rules-test.yaml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void every_alert_the_issue_asks_for_is_there_with_a_severity_a_summary_and_a_runbook(String overlay) {
        Set<String> alerts = new TreeSet<>();
        for (JsonNode group : prometheusRule(overlay).path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("alert").asString();
                alerts.add(name);
                assertTrue(Set.of("critical", "warning").contains(rule.path("labels").path("severity").asString()), name);
                for (String annotation : List.of("summary", "description", "runbook")) {
                    assertFalse(rule.path("annotations").path(annotation).asString().isBlank(), name + " " + annotation);
                }
            }
        }
        assertEquals(new TreeSet<>(Set.of("KinlinkOutboxStuck", "KinlinkConsumerLagGrowing", "KinlinkEventDeadLettered",
                "KinlinkGatewayErrors", "KinlinkPipelineSlow", "KinlinkBudgetNearCap", "KinlinkRewardHeldTooLong")), alerts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void prometheus_scrapes_every_kinlink_pod_and_the_gateway_only_on_its_management_port(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        Set<String> scraped = new TreeSet<>();
        for (ObjectNode monitor : Manifests.ofKind(objects, "PodMonitor")) {
            JsonNode selector = monitor.path("spec").path("selector").path("matchLabels");
            String port = monitor.path("spec").path("podMetricsEndpoints").get(0).path("port").asString();
            assertEquals("/q/metrics", monitor.path("spec").path("podMetricsEndpoints").get(0).path("path").asString());
            for (ObjectNode deployment : Manifests.ofKind(objects, "Deployment")) {
                JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
                boolean selected = selector.properties().stream()
                        .allMatch(label -> label.getValue().asString().equals(labels.path(label.getKey()).asString()));
                if (selected) {
                    String name = deployment.path("metadata").path("name").asString();
                    assertTrue(portNames(deployment).contains(port), name + " has no port " + port);
                    scraped.add(name + ":" + port);
                }
            }
        }
        assertEquals(Set.of("gateway:management", "member-service:http", "referral-service:http",
                "rewards-service:http"), scraped);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void the_dashboard_is_a_configmap_grafanas_sidecar_loads_with_queries_in_every_panel(String overlay) {
        ObjectNode map = Manifests.ofKind(Manifests.render(overlay), "ConfigMap").stream()
                .filter(candidate -> candidate.path("metadata").path("name").asString().equals("kinlink-dashboard"))
                .findFirst().orElseThrow(() -> new AssertionError("no kinlink-dashboard ConfigMap"));
        assertEquals("1", map.path("metadata").path("labels").path("grafana_dashboard").asString());
        JsonNode dashboard = JSON.readTree(map.path("data").path("kinlink-overview.json").asString());
        assertEquals("kinlink-overview", dashboard.path("uid").asString());
        int panels = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            if (!panel.path("type").asString().equals("row")) {
                panels++;
                assertFalse(panel.path("targets").isEmpty(), panel.path("title").asString());
                panel.path("targets").forEach(target ->
                        assertFalse(target.path("expr").asString().isBlank(), panel.path("title").asString()));
            }
        }
        assertTrue(panels >= 10, "traffic, errors, latency, pipeline, lag, outbox, budget, referrals");
    }

    private static ObjectNode prometheusRule(String overlay) {
        List<ObjectNode> rules = Manifests.ofKind(Manifests.render(overlay), "PrometheusRule");
        assertEquals(1, rules.size());
        return rules.get(0);
    }

    private static Set<String> portNames(ObjectNode deployment) {
        Set<String> names = new TreeSet<>();
        for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
            container.path("ports").forEach(port -> names.add(port.path("name").asString()));
        }
        return names;
    }

    /** Debian's prometheus package ships promtool; .ci/run installs it and requires this test to run. */
    private static String promtool() {
        boolean installed = onPath("promtool");
        if (!installed && !"true".equals(System.getenv("KINLINK_REQUIRE_PROMTOOL"))) {
            assumeTrue(false, "promtool is not installed (Debian: apt-get install prometheus); .ci/run requires it");
        }
        assertTrue(installed, "promtool is required here (KINLINK_REQUIRE_PROMTOOL=true): apt-get install prometheus");
        return "promtool";
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static void assertPasses(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + output);
    }
}
