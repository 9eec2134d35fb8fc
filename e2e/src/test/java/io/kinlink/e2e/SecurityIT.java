package io.kinlink.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kinlink.testsupport.AccessMatrix;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Who reaches what, through the gateway in front of the real services: members logged in with a
 * code from their phone (the local code sender's log), partners with their API keys, operators
 * with their logins, and strangers. Two branches: Alice and Bob are members of shanghai-jingan,
 * whose till has a key; the beijing-chaoyang till's key does not cover them.
 */
class SecurityIT {

    private static final String HOME = "shanghai-jingan";
    private static String alice;
    private static String bob;
    private static String alicePhone;
    private static String jinganKey;
    private static String chaoyangKey;

    @BeforeAll
    static void platform() {
        RestAssured.baseURI = RunningPlatform.gatewayUrl();
        RestAssured.requestSpecification = null; // every call here names its caller
        alicePhone = phone();
        alice = register(alicePhone);
        bob = register(phone());
        jinganKey = RunningPlatform.partnerKey("Jing'an till " + UUID.randomUUID(), List.of(HOME), 600)[1];
        chaoyangKey = RunningPlatform.partnerKey("Chaoyang till " + UUID.randomUUID(), List.of("beijing-chaoyang"), 600)[1];
        given().header("X-Api-Key", jinganKey).contentType(ContentType.JSON).body(purchase(alice, HOME))
                .post("/api/purchases").then().statusCode(201);
    }

    private static String phone() {
        return "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String register(String phone) {
        return given().contentType(ContentType.JSON).body(Map.of("name", "Test Member", "phone", phone,
                "branch", HOME, "marketingConsent", true, "privacyNoticeVersion", RunningPlatform.privacyNoticeVersion())).post("/api/members").then().statusCode(201)
                .extract().path("id");
    }

    private static Map<String, Object> purchase(String member, String branch) {
        return Map.of("memberId", member, "externalTransactionId", "till-" + UUID.randomUUID(), "amountFen", 100_000,
                "branch", branch);
    }

    /** Logs in the way the app does: asks for a code, reads the text (here: the log), trades it for tokens. */
    private static Map<String, String> logIn(String phone) throws Exception {
        given().contentType(ContentType.JSON).body(Map.of("phone", phone)).post("/api/auth/member-code").then()
                .statusCode(202);
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        Pattern line = Pattern.compile("Login code for " + Pattern.quote(masked) + ": (\\d{6})");
        List<String> codes = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            codes.clear();
            for (String logged : Files.readAllLines(RunningPlatform.memberServiceLog())) {
                Matcher found = line.matcher(logged);
                if (found.find()) {
                    codes.add(found.group(1));
                }
            }
            return !codes.isEmpty();
        });
        var tokens = given().contentType(ContentType.JSON)
                .body(Map.of("phone", phone, "code", codes.get(codes.size() - 1)))
                .post("/api/auth/member-token").then().statusCode(200).extract();
        return Map.of("access", "Bearer " + tokens.path("accessToken"), "refresh", tokens.path("refreshToken"));
    }

    private final AccessMatrix matrix = new AccessMatrix();

    private static Map<String, String> bearer(String authorization) {
        return Map.of("Authorization", authorization);
    }

    private static Map<String, String> key(String apiKey) {
        return Map.of("X-Api-Key", apiKey);
    }

    @Test
    void each_kind_of_caller_reaches_only_what_is_theirs_across_the_services() throws Exception {
        String aliceLogin = logIn(alicePhone).get("access");
        Map<String, String> asAlice = bearer(aliceLogin);
        Map<String, String> stranger = Map.of();
        Map<String, String> operator = bearer(RunningPlatform.operatorAuthorization());
        String bobs = "/api/members/" + bob;
        String alices = "/api/members/" + alice;

        // a member: /api/me is theirs in every service; another member's data does not exist for them
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().headers(asAlice).get("/api/me/referral-code").then().statusCode(200));
        for (String mine : List.of("/api/me", "/api/me/rewards/balance", "/api/me/rewards/history",
                "/api/me/rewards/coupons", "/api/me/referrals", "/api/me/gold-standards", alices + "/rewards/balance")) {
            matrix.expect("alice", asAlice, "GET", mine, null, 200);
        }
        for (String theirs : List.of(bobs, bobs + "/rewards/balance", bobs + "/rewards/coupons", bobs + "/referrals",
                bobs + "/referral-code", bobs + "/gold-standards")) {
            matrix.expect("alice", asAlice, "GET", theirs, null, 404);
        }
        matrix.expect("alice", asAlice, "POST", "/api/purchases", purchase(alice, HOME), 403);
        matrix.expect("alice", asAlice, "POST", "/api/me/rewards/redemptions", Map.of("externalTransactionId", "t-1",
                "points", 1, "branch", HOME), 403);
        for (String operatorsOnly : List.of("/api/members", "/api/referrals/funnel", "/api/rewards/rules",
                "/api/rewards/budget", "/api/partner-keys", "/api/kpis")) {
            matrix.expect("alice", asAlice, "GET", operatorsOnly, null, 403);
        }

        // partners: their branches' members, in every service; another branch's members are not found
        matrix.expect("jing'an till", key(jinganKey), "GET", alices + "/rewards/balance", null, 200);
        matrix.expect("jing'an till", key(jinganKey), "GET", alices + "/rewards/coupons", null, 200);
        matrix.expect("jing'an till", key(jinganKey), "GET", alices, null, 200);
        matrix.expect("jing'an till", key(jinganKey), "POST", "/api/visits", Map.of("memberId", alice,
                "externalVisitId", "v-" + UUID.randomUUID(), "branch", HOME), 201);
        matrix.expect("jing'an till", key(jinganKey), "GET", alices + "/referrals", null, 403);
        matrix.expect("jing'an till", key(jinganKey), "GET", "/api/me", null, 403);
        matrix.expect("jing'an till", key(jinganKey), "GET", "/api/rewards/rules", null, 403);
        matrix.expect("jing'an till", key(jinganKey), "GET", "/api/kpis", null, 403);
        matrix.expect("chaoyang till", key(chaoyangKey), "GET", alices + "/rewards/balance", null, 404);
        matrix.expect("chaoyang till", key(chaoyangKey), "GET", alices + "/rewards/coupons", null, 404);
        matrix.expect("chaoyang till", key(chaoyangKey), "GET", alices, null, 404);
        matrix.expect("chaoyang till", key(chaoyangKey), "POST", "/api/purchases", purchase(alice, "beijing-chaoyang"), 404);
        matrix.expect("chaoyang till", key(chaoyangKey), "POST", alices + "/rewards/redemptions",
                Map.of("externalTransactionId", "t-" + UUID.randomUUID(), "points", 1, "branch", "beijing-chaoyang"), 404);

        // strangers: sign-up, share links and logins only
        for (String closed : List.of(alices, alices + "/rewards/balance", alices + "/referrals", "/api/me",
                "/api/referrals/funnel", "/api/partner-keys", "/api/kpis")) {
            matrix.expect("stranger", stranger, "GET", closed, null, 401);
        }
        matrix.expect("stranger", stranger, "POST", "/api/purchases", purchase(alice, HOME), 401);

        // operators: everything of the programme
        for (String all : List.of(alices, alices + "/rewards/balance", alices + "/referrals", "/api/members",
                "/api/referrals/funnel", "/api/rewards/rules", "/api/partner-keys", "/api/kpis")) {
            matrix.expect("operator", operator, "GET", all, null, 200);
        }
        matrix.expect("operator", operator, "GET", "/api/me", null, 403);

        matrix.assertAllAsExpected();
    }

    @Test
    void a_revoked_key_is_refused_within_a_second() throws InterruptedException {
        String[] key = RunningPlatform.partnerKey("Short-lived till", List.of(HOME), 600);
        given().header("X-Api-Key", key[1]).get("/api/members/" + alice + "/rewards/balance").then().statusCode(200);
        given().header("Authorization", RunningPlatform.operatorAuthorization())
                .post("/api/partner-keys/" + key[0] + "/revoke").then().statusCode(200);
        // the gateway reuses a key's check for up to kinlink.gateway.partner-key-reuse (1 s): the promise
        Thread.sleep(1_050);
        given().header("X-Api-Key", key[1]).get("/api/members/" + alice + "/rewards/balance").then().statusCode(401)
                .contentType("application/problem+json").body("detail", equalTo("The API key is unknown or revoked"));
        // 401 wherever it is presented, the operators' routes included: a revoked key is nobody, not a partner
        for (String operatorsOnly : List.of("/api/kpis", "/api/rewards/rules", "/api/partner-keys")) {
            given().header("X-Api-Key", key[1]).get(operatorsOnly).then().statusCode(401)
                    .contentType("application/problem+json");
        }
        given().header("Authorization", RunningPlatform.operatorAuthorization()).get("/api/partner-keys").then()
                .body("find { it.id == '" + key[0] + "' }.lastUsedAt", notNullValue());
    }

    @Test
    void a_key_over_its_own_limit_gets_429_with_retry_after() {
        String slowKey = RunningPlatform.partnerKey("Slow till", List.of(HOME), 1)[1];
        int status = 0;
        for (int i = 0; i < 12 && status != 429; i++) {
            status = given().header("X-Api-Key", slowKey).get("/api/members/" + alice).then().extract().statusCode();
        }
        assertEquals(429, status);
        given().header("X-Api-Key", slowKey).get("/api/members/" + alice).then().statusCode(429)
                .header("Retry-After", notNullValue());
        given().header("X-Api-Key", jinganKey).get("/api/members/" + alice).then().statusCode(200);
    }

    @Test
    void a_member_session_refreshes_through_the_gateway_and_ends_at_logout() throws Exception {
        String phone = phone();
        String carol = register(phone);
        Map<String, String> login = logIn(phone);
        var renewed = given().contentType(ContentType.JSON).body(Map.of("refreshToken", login.get("refresh")))
                .post("/api/auth/refresh").then().statusCode(200).extract();
        given().header("Authorization", "Bearer " + renewed.path("accessToken")).get("/api/me").then().statusCode(200)
                .body("id", equalTo(carol));
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", renewed.path("refreshToken")))
                .post("/api/auth/logout").then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", renewed.path("refreshToken")))
                .post("/api/auth/refresh").then().statusCode(401);
        assertTrue(login.get("access").startsWith("Bearer "));
    }
}
