package io.kinlink.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * One regression test per edge a hostile client found: each answer is a clear 4xx problem with the
 * field at fault, and nothing is stored.
 */
class HardeningIT {

    private static final String HOME = "shanghai-jingan";
    private static String member;
    private static String till;

    @BeforeAll
    static void platform() {
        RestAssured.baseURI = RunningPlatform.gatewayUrl();
        RestAssured.requestSpecification = RunningPlatform.asOperator();
        member = register("Hardened Member").then().statusCode(201).extract().path("id");
        till = RunningPlatform.tillKey();
    }

    private static io.restassured.response.Response register(String name) {
        String phone = "135" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "phone", phone, "branch", HOME,
                "marketingConsent", true, "privacyNoticeVersion", RunningPlatform.privacyNoticeVersion())).post("/api/members");
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(startsWith("application/problem+json"))
                .header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", startsWith("default-src"));
    }

    private static ValidatableResponse purchase(String json) {
        return given().header("X-Api-Key", till).contentType(ContentType.JSON).body(json).post("/api/purchases").then();
    }

    @Test
    void a_key_given_twice_is_refused_naming_it_also_on_anonymous_endpoints() {
        problem(given().contentType(ContentType.JSON).body("{\"username\":\"admin\",\"password\":\"a\",\"password\":\"b\"}")
                .post("/api/auth/operator-token").then(), 400).body("errors[0].field", equalTo("password"));
        problem(given().contentType(ContentType.JSON).body("{\"name\":\"A\",\"name\":\"B\",\"phone\":\"13500000001\","
                + "\"branch\":\"shanghai-jingan\",\"marketingConsent\":true,\"privacyNoticeVersion\":"
                + RunningPlatform.privacyNoticeVersion() + "}").post("/api/members").then(), 400)
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void content_after_the_document_and_numbers_for_text_are_refused() {
        problem(given().contentType(ContentType.JSON).body("{\"username\":\"a\",\"password\":\"b\"} x")
                .post("/api/auth/operator-token").then(), 400);
        problem(given().contentType(ContentType.JSON).body("{\"username\":1,\"password\":\"b\"}")
                .post("/api/auth/operator-token").then(), 400).body("errors[0].field", equalTo("username"));
    }

    @Test
    void a_nul_character_in_a_body_or_a_path_is_a_field_error_not_a_database_failure() {
        problem(given().contentType(ContentType.JSON).body("{\"username\":\"a\\u0000\",\"password\":\"b\"}")
                .post("/api/auth/operator-token").then(), 400)
                .body("errors[0].field", equalTo("username"))
                .body("errors[0].message", equalTo("must not contain control characters"));
        problem(given().urlEncodingEnabled(false).get("/api/referral-codes/%00").then(), 400)
                .body("errors[0].field", equalTo("path"));
    }

    @Test
    void text_of_ideographic_spaces_alone_is_blank() {
        problem(register("\u3000\u3000").then(), 400).body("errors[0].field", equalTo("name"));
        problem(purchase("{\"memberId\":\"" + member + "\",\"externalTransactionId\":\"\u3000\",\"amountFen\":100,"
                + "\"branch\":\"shanghai-jingan\"}"), 400).body("errors[0].field", equalTo("externalTransactionId"));
    }

    @Test
    void a_page_far_past_the_end_is_refused_rather_than_overflowing() {
        for (String list : List.of("/api/members", "/api/members/" + member + "/rewards/history",
                "/api/members/" + member + "/referrals", "/api/referrals/rejections")) {
            problem(given().queryParam("page", Integer.MAX_VALUE).queryParam("size", 100).get(list).then(), 400)
                    .body("errors.field", hasItem(startsWith("page")));
        }
    }

    @Test
    void an_unknown_filter_value_is_a_400_naming_the_parameter() {
        for (String parameter : List.of("tier", "valueSegment", "behaviour")) {
            problem(given().queryParam(parameter, "PLATINUM").get("/api/members").then(), 400)
                    .body("errors[0].field", equalTo(parameter));
        }
    }

    @Test
    void dates_outside_the_business_window_are_refused() {
        problem(purchase("{\"memberId\":\"" + member + "\",\"externalTransactionId\":\"t-" + UUID.randomUUID()
                + "\",\"amountFen\":100,\"branch\":\"shanghai-jingan\",\"occurredAt\":\"-4000-01-01T00:00:00Z\"}"), 400)
                .body("errors[0].field", equalTo("occurredAt"));
        problem(purchase("{\"memberId\":\"" + member + "\",\"externalTransactionId\":\"t-" + UUID.randomUUID()
                + "\",\"amountFen\":100,\"branch\":\"shanghai-jingan\",\"occurredAt\":\"-290000-01-01T00:00:00Z\"}"), 400)
                .body("errors[0].field", equalTo("occurredAt"));
        problem(given().get("/api/rewards/budget?period=+999999999-12").then(), 400)
                .body("errors[0].field", equalTo("period"));
        problem(given().urlEncodingEnabled(false).get("/api/referrals/funnel?from=%2B300000-01-01T00:00:00Z").then(), 400);
        given().get("/api/members/" + member).then().statusCode(200).body("netSpendFen", equalTo(0));
    }

    @Test
    void item_amounts_that_would_overflow_are_refused() {
        long half = Long.MAX_VALUE / 2 + 1;
        problem(purchase("{\"memberId\":\"" + member + "\",\"externalTransactionId\":\"t-" + UUID.randomUUID()
                + "\",\"amountFen\":100,\"branch\":\"shanghai-jingan\",\"items\":[{\"category\":\"laser\",\"amountFen\":"
                + half + "},{\"category\":\"laser\",\"amountFen\":" + half + "}]}"), 400)
                .body("errors.field", hasItem("items[0].amountFen"));
    }

    @Test
    void a_rule_version_without_parameters_is_a_field_error() {
        problem(given().contentType(ContentType.JSON).body("{\"kind\":\"REFERRAL_REBATE\",\"params\":null}")
                .post("/api/rewards/rules/referral-rebate/versions").then(), 400)
                .body("errors[0].field", equalTo("params"));
    }

    @Test
    void a_created_resource_is_located_at_the_gateway_not_at_the_service() {
        String location = register("Located Member").then().statusCode(201).extract().header("Location");
        assertTrue(location.matches("/api/members/[0-9a-f-]{36}"), location);
        given().get(location).then().statusCode(200).body("name", equalTo("Located Member"));
    }

    @Test
    void a_location_never_names_the_host_a_hostile_request_claims() {
        String location = given().header("Host", "evil.example").header("X-Api-Key", till)
                .contentType(ContentType.JSON).body(Map.of("memberId", member, "externalVisitId", "v-" + UUID.randomUUID(),
                        "branch", HOME))
                .post("/api/visits").then().statusCode(201).extract().header("Location");
        assertTrue(location.startsWith("/api/visits/"), location);
    }

    @Test
    void a_body_that_does_not_say_it_is_json_in_utf_8_uncompressed_is_refused_with_415() {
        byte[] json = "{\"name\":\"Typeless\"}".getBytes(StandardCharsets.UTF_8);
        problem(given().config(RestAssuredConfig.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("Content-Type", "application/json; charset=klingon").body(json).post("/api/members").then(), 415)
                .body("type", equalTo("urn:kinlink:problem:charset-not-accepted"));
        problem(given().contentType(ContentType.JSON).header("Content-Encoding", "gzip").body(json)
                .post("/api/members").then(), 415)
                .body("type", equalTo("urn:kinlink:problem:content-encoding-not-accepted"));
    }

    @Test
    void the_http_layers_refusals_are_problems_with_the_security_headers() {
        problem(given().urlEncodingEnabled(false).get("/api/members/" + "a".repeat(9_000)).then(), 414);
        problem(given().header("X-Padding", "p".repeat(20_000)).get("/api/members").then(), 431);
    }

    /**
     * Refused by the HTTP layer itself (Netty), before any route of ours runs, so with its bare
     * answer: what matters is that it never reaches a service (request smuggling).
     */
    @Test
    void a_request_with_both_content_length_and_transfer_encoding_is_refused_before_any_service() throws Exception {
        String phone = "134" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String body = "{\"name\":\"Smuggled\",\"phone\":\"" + phone + "\",\"branch\":\"shanghai-jingan\","
                + "\"marketingConsent\":true,\"privacyNoticeVersion\":" + RunningPlatform.privacyNoticeVersion() + "}";
        String answer = raw("POST /api/members HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        given().header("X-Api-Key", till).contentType(ContentType.JSON).body(Map.of("phone", phone))
                .post("/api/members/lookup").then().statusCode(404);
    }

    /**
     * Also refused before any code of ours runs (Quarkus checks the request URI first), with its
     * bare 400: what matters is the clear 4xx, and that nothing behind the gateway sees it.
     */
    @Test
    void a_url_with_broken_percent_encoding_is_refused_before_any_route() throws Exception {
        String answer = raw("GET /api/referral-codes/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
    }

    @Test
    void a_coupon_issued_by_request_id_is_scoped_to_its_member_and_only_to_members_there_are() {
        String template = given().contentType(ContentType.JSON).body(Map.of("name", "Hardening", "faceValueFen", 1_000,
                "minSpendFen", 0, "validDays", 30)).post("/api/rewards/coupon-templates").then().statusCode(201)
                .extract().path("id");
        Map<String, String> issue = Map.of("templateId", template, "requestId", "same-request-id", "reason",
                "r".repeat(65));
        problem(given().contentType(ContentType.JSON).body(issue).post("/api/members/" + UUID.randomUUID()
                + "/rewards/coupons").then(), 404);
        String other = register("Other Member").then().statusCode(201).extract().path("id");
        String mine = awaitIssued(member, issue);
        String theirs = awaitIssued(other, issue);
        assertNotEquals(mine, theirs, "another member's request id must not return this member's coupon");
    }

    /** Issues once the rewards service has learnt of the member (it hears of registrations through Kafka). */
    private static String awaitIssued(String to, Map<String, String> issue) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            var response = given().contentType(ContentType.JSON).body(issue)
                    .post("/api/members/" + to + "/rewards/coupons").then().extract();
            boolean issued = response.statusCode() < 300 && to.equals(response.path("memberId"))
                    && issue.get("reason").equals(response.path("reason"));
            return issued ? response.<String>path("id") : null;
        }, Objects::nonNull);
    }

    private static String raw(String request) throws Exception {
        URI gateway = URI.create(RunningPlatform.gatewayUrl());
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8_192];
            int read = in.read(buffer);
            assertTrue(read > 0, "the gateway answered");
            return new String(buffer, 0, read, StandardCharsets.UTF_8);
        }
    }
}
