package io.kinlink.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kinlink.e2e.TraceCollector.ReceivedSpan;
import io.kinlink.testsupport.Metrics;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * What the on-call operator sees of the running platform: one trace per purchase across every
 * service, Kafka hop and database statement, and every metric the alerts and the dashboard name in the services' scrapes.
 */
class ObservabilityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void platform() {
        RestAssured.baseURI = RunningPlatform.gatewayUrl();
        RestAssured.requestSpecification = RunningPlatform.asOperator();
    }

    @Test
    void one_purchase_is_one_trace_from_the_tills_post_through_every_service_and_kafka_hop_to_its_credits() {
        String top = Signups.register("Ava", null);
        String second = Signups.register("Ben", Signups.codeOf(top));
        String first = Signups.register("Cai", Signups.codeOf(second));
        String buyer = Signups.register("Dan", Signups.codeOf(first));
        String requestId = "trace-" + UUID.randomUUID();

        given().header("X-Api-Key", RunningPlatform.tillKey()).header("X-Request-Id", requestId)
                .contentType(ContentType.JSON)
                .body(Map.of("memberId", buyer, "externalTransactionId", "till-" + UUID.randomUUID(),
                        "amountFen", 100_000, "branch", "shanghai-jingan"))
                .when().post("/api/purchases").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/members/" + top + "/rewards/balance").then().body("pendingPoints", equalTo(1_000)));

        TraceCollector traces = RunningPlatform.traces();
        List<ReceivedSpan> trace = await().atMost(Duration.ofSeconds(30)).until(() -> traceOf(traces, requestId),
                spans -> spans.stream().anyMatch(span -> span.service().equals("rewards-service")
                        && span.name().equals("kinlink.referral-events process")));

        assertEquals(Set.of("gateway", "member-service", "referral-service", "rewards-service"),
                trace.stream().map(ReceivedSpan::service).collect(Collectors.toSet()));
        assertEquals(1, trace.stream().filter(span -> span.parentSpanId().isEmpty()).count(), "one root: the gateway's");
        Map<String, ReceivedSpan> byId = trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, span -> span));
        for (ReceivedSpan span : trace) {
            assertTrue(span.parentSpanId().isEmpty() || byId.containsKey(span.parentSpanId()),
                    span.name() + " of " + span.service() + " hangs off a span outside the trace");
        }
        // the hops, each the child of the one before: HTTP into the member service, then Kafka twice
        assertParent(trace, spanOf(trace, "member-service", "POST /api/purchases"), "gateway", "SPAN_KIND_CLIENT");
        ReceivedSpan attribution = spanOf(trace, "referral-service", "kinlink.member-events process");
        assertCausedBy(trace, attribution, "member-service", "SPAN_KIND_PRODUCER");
        assertEquals("PurchaseRecorded", attribution.attribute("kinlink.event.type"));
        ReceivedSpan credit = spanOf(trace, "rewards-service", "kinlink.referral-events process");
        assertCausedBy(trace, credit, "referral-service", "SPAN_KIND_PRODUCER");
        assertEquals("PurchaseAttributed", credit.attribute("kinlink.event.type"));

        // and the database under each hop: the purchase's insert in the member service, the credits' in rewards
        assertTrue(databaseSpans(trace, "member-service").stream().anyMatch(span -> span.name().startsWith("INSERT")),
                "the member service's statements are spans of the trace: " + databaseSpans(trace, "member-service"));
        assertTrue(databaseSpans(trace, "rewards-service").stream().anyMatch(span -> span.name().startsWith("INSERT")),
                "and the rewards service's: " + databaseSpans(trace, "rewards-service"));
        assertTrue(databaseSpans(trace, "gateway").isEmpty(), "the gateway has no database");
    }

    @Test
    void every_metric_an_alert_or_a_dashboard_panel_names_is_in_a_scrape_of_the_running_services() throws Exception {
        Path observability = Path.of(System.getProperty("kinlink.root", "..")).resolve("k8s/components/observability");
        List<String> expressions = new ArrayList<>(alertExpressions(observability.resolve("alert-rules.yaml")));
        JsonPath dashboard = JsonPath.from(Files.readString(observability.resolve("dashboards/kinlink-overview.json")));
        expressions.addAll(dashboard.getList("panels.targets.flatten().expr"));
        Set<String> named = new TreeSet<>();
        expressions.forEach(expression -> named.addAll(metricNames(expression)));
        assertTrue(named.size() >= 15, "found the metrics the rules and panels name: " + named);

        given().get("/api/members?page=0&size=1").then().statusCode(200); // traffic through the gateway
        // the Kafka clients' per-partition series join when the binder next looks for them (within a minute)
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            Set<String> scraped = scrapedNames();
            Set<String> missing = new TreeSet<>(named);
            missing.removeAll(scraped);
            assertEquals(Set.of(), missing, "named by an alert or a panel, absent from every scrape");
        });
    }

    private static Set<String> scrapedNames() throws IOException, InterruptedException {
        Set<String> names = new TreeSet<>();
        for (String url : RunningPlatform.metricsUrls().values()) {
            HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, scrape.statusCode(), url);
            names.addAll(Metrics.names(scrape.body()));
        }
        return names;
    }

    /** The expressions of a PrometheusRule: single-line {@code expr: ...} and {@code expr: |} blocks. */
    private static List<String> alertExpressions(Path rules) throws IOException {
        List<String> lines = Files.readAllLines(rules);
        List<String> expressions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("expr:")) {
                continue;
            }
            String rest = line.substring("expr:".length()).strip();
            if (!rest.equals("|")) {
                expressions.add(rest);
                continue;
            }
            int indent = lines.get(i).indexOf("expr:");
            StringBuilder block = new StringBuilder();
            while (i + 1 < lines.size() && (lines.get(i + 1).isBlank()
                    || lines.get(i + 1).length() - lines.get(i + 1).stripLeading().length() > indent)) {
                block.append(lines.get(++i).strip()).append('\n');
            }
            expressions.add(block.toString());
        }
        return expressions;
    }

    private static final Pattern SELECTORS = Pattern.compile("\\{[^}]*}");
    private static final Pattern GROUPINGS = Pattern.compile("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "group_left",
            "group_right");

    /** The series an expression reads: identifiers that are neither functions, label names nor keywords. */
    static Set<String> metricNames(String expression) {
        String bare = GROUPINGS.matcher(SELECTORS.matcher(expression).replaceAll(" ")).replaceAll(" ")
                .replaceAll("\\[[^]]*]", " ").replaceAll("\"[^\"]*\"", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String token = identifier.group();
            boolean function = token.endsWith("(");
            boolean number = identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
            if (!function && !number && !KEYWORDS.contains(token)) {
                names.add(token);
            }
        }
        return names;
    }

    private static List<ReceivedSpan> traceOf(TraceCollector traces, String requestId) {
        return traces.spans().stream().filter(span -> requestId.equals(span.attribute("kinlink.request.id")))
                .findFirst().map(span -> traces.trace(span.traceId())).orElse(List.of());
    }

    /** The JDBC spans of a service in the trace (OpenTelemetry's database semantic conventions, old or stable). */
    private static List<ReceivedSpan> databaseSpans(List<ReceivedSpan> trace, String service) {
        return trace.stream().filter(span -> span.service().equals(service) && span.kind().equals("SPAN_KIND_CLIENT")
                && ("postgresql".equals(span.attribute("db.system")) || "postgresql".equals(span.attribute("db.system.name"))))
                .toList();
    }

    private static ReceivedSpan spanOf(List<ReceivedSpan> trace, String service, String name) {
        return trace.stream().filter(span -> span.service().equals(service) && span.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " of " + service + " in " + trace));
    }

    /**
     * The span's parent is {@code parentService}'s span of that kind, or the messaging extension's
     * span for the record's arrival in the span's own service stands between them.
     */
    private static void assertCausedBy(List<ReceivedSpan> trace, ReceivedSpan child, String parentService,
                                       String parentKind) {
        ReceivedSpan parent = parentOf(trace, child);
        if (parent.service().equals(child.service()) && parent.kind().equals("SPAN_KIND_CONSUMER")) {
            parent = parentOf(trace, parent);
        }
        assertEquals(parentService + " " + parentKind, parent.service() + " " + parent.kind(),
                child.name() + " of " + child.service());
    }

    private static ReceivedSpan parentOf(List<ReceivedSpan> trace, ReceivedSpan child) {
        return trace.stream().filter(span -> span.spanId().equals(child.parentSpanId())).findFirst()
                .orElseThrow(() -> new AssertionError(child.name() + " has no parent in the trace"));
    }

    private static void assertParent(List<ReceivedSpan> trace, ReceivedSpan child, String parentService,
                                     String parentKind) {
        ReceivedSpan parent = trace.stream().filter(span -> span.spanId().equals(child.parentSpanId())).findFirst()
                .orElseThrow(() -> new AssertionError(child.name() + " has no parent in the trace"));
        assertEquals(parentService + " " + parentKind, parent.service() + " " + parent.kind(),
                child.name() + " of " + child.service());
    }
}
