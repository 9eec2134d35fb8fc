package io.kinlink.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Malformed requests to every operation of the public API, generated from the merged OpenAPI
 * document with a seed: none may fail on our side (5xx), every refusal is a problem+json with the
 * security headers, and a refused write leaves every table of the three databases as it was.
 * {@code -Dkinlink.fuzz.seed=N} replays a run; {@code -Dkinlink.fuzz.per-operation=N} sets its size.
 */
class FuzzIT {

    private static final String HOME = "shanghai-jingan";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void malformed_requests_to_every_operation_get_a_clear_4xx_and_write_nothing() throws Exception {
        long seed = Long.getLong("kinlink.fuzz.seed", new SecureRandom().nextLong());
        int perOperation = Integer.getInteger("kinlink.fuzz.per-operation", 45);
        String gateway = RunningPlatform.gatewayUrl();
        RestAssured.baseURI = gateway;
        Callers callers = Callers.prepare();
        ApiOperations api = ApiOperations.of(new ObjectMapper().readTree(
                given().get("/openapi.json").then().statusCode(200).extract().asString()));
        assertTrue(api.operations().size() > 30, "the merged document lists every service's operations: " + api);

        MalformedRequests generator = new MalformedRequests(seed, callers::pathValue);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int sent = 0;
        long started = System.nanoTime();
        try (WriteAudit audit = new WriteAudit(RunningPlatform.databaseServer(),
                List.of("e2e_member", "e2e_referral", "e2e_rewards"))) {
            Map<String, Long> before = audit.settled();
            for (ApiOperations.Operation operation : api.operations()) {
                for (MalformedRequests.Request request : generator.forOperation(operation, perOperation)) {
                    if (request.operation().writes()) {
                        before = audit.counts(); // reads may count too (a share link's click)
                    }
                    HttpResponse<String> response = send(gateway, request, callers.credentialsFor(operation));
                    sent++;
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                    String failure = judge(request, response);
                    if (failure != null) {
                        failures.add(failure + ": " + request);
                    }
                    if (!request.operation().writes()) {
                        continue;
                    }
                    if (response.statusCode() < 400) {
                        before = audit.settled(); // an accepted write, and what it sets off, is not the audit's concern
                    } else {
                        Map<String, Long> after = audit.counts();
                        if (!after.equals(before)) {
                            failures.add("refused with " + response.statusCode() + " but wrote "
                                    + WriteAudit.difference(before, after) + ": " + request);
                            before = audit.settled();
                        }
                    }
                }
            }
        }
        System.out.printf("Fuzz: %d requests to %d operations in %d s, seed %d, statuses %s, failures %d%n", sent,
                api.operations().size(), (System.nanoTime() - started) / 1_000_000_000, seed, statuses,
                failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " failures with seed " + seed + " (replay with -Dkinlink.fuzz"
                + ".seed=" + seed + "):\n" + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
    }

    /** Why the answer is wrong, or null. A share link answers a person with a page, even when it knows no such code. */
    private static String judge(MalformedRequests.Request request, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "answered " + status + " " + abbreviated(response.body());
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            boolean page = request.path().startsWith("/r/") && type.startsWith("text/html");
            if (!type.startsWith("application/problem+json") && !page) {
                return "refused with " + status + " as " + type + " rather than a problem";
            }
            for (String header : List.of("X-Content-Type-Options", "Content-Security-Policy", "X-Request-Id")) {
                if (response.headers().firstValue(header).isEmpty()) {
                    return "refused with " + status + " without " + header;
                }
            }
        }
        return null;
    }

    private static HttpResponse<String> send(String gateway, MalformedRequests.Request request,
                                             Map<String, String> credentials) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + request.path()))
                .timeout(Duration.ofSeconds(30))
                .method(request.operation().method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        credentials.forEach(builder::header);
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }

    /**
     * Who calls what: an operator everywhere (operators reach every operation's validation), a
     * till's key where only partners may act (recording purchases and visits, redemptions), and
     * real ids in paths, so requests get past "no such member" to the checks behind it.
     */
    private record Callers(String operator, String tillKey, String member, String code) {

        static Callers prepare() {
            String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
            String member = given().contentType(ContentType.JSON).body(Map.of("name", "Fuzz Target", "phone", phone,
                    "branch", HOME, "marketingConsent", true, "privacyNoticeVersion", RunningPlatform.privacyNoticeVersion())).post("/api/members").then().statusCode(201)
                    .extract().path("id");
            String operator = RunningPlatform.operatorAuthorization();
            String code = await().atMost(Duration.ofSeconds(20)).until(() -> given().header("Authorization", operator)
                    .get("/api/members/" + member + "/referrals").then().extract().path("code"),
                    value -> value != null);
            String key = RunningPlatform.partnerKey("Fuzz till " + UUID.randomUUID(), List.of(HOME), 60_000)[1];
            return new Callers(operator, key, member, code);
        }

        Map<String, String> credentialsFor(ApiOperations.Operation operation) {
            boolean tillsOnly = operation.method().equals("POST") && (operation.path().equals("/api/purchases")
                    || operation.path().equals("/api/visits") || operation.path().equals("/api/refunds")
                    || operation.path().equals("/api/members/lookup") || operation.path().endsWith("/redemptions"));
            return tillsOnly ? Map.of("X-Api-Key", tillKey) : Map.of("Authorization", operator);
        }

        String pathValue(String name) {
            String lower = name.toLowerCase();
            if (lower.equals("code")) {
                return code;
            }
            if (lower.contains("rule")) {
                return "referral-rebate";
            }
            return lower.equals("memberid") || lower.equals("id") ? member : UUID.randomUUID().toString();
        }
    }
}
