package io.kinlink.member.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.kinlink.member.CapturedLogs;
import io.kinlink.member.TestMembers;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TestIdentity;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;

/**
 * Members log in with a code sent to their phone (here: the service's log, as on the local stack)
 * and keep their session with refresh tokens that can each be spent once.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "member"))
class MemberLoginTest {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");

    private static ValidatableResponse askForCode(String phone, String address) {
        return given().header("Authorization", "Bearer " + TestIdentity.anonymous())
                .header("X-Forwarded-For", address).contentType(ContentType.JSON).body(Map.of("phone", phone))
                .post("/api/auth/member-code").then();
    }

    /** Asks for a code and reads it from the log line the log sender writes. */
    private static String codeFor(String phone) {
        try (CapturedLogs logs = new CapturedLogs()) {
            askForCode(phone, "10.1.0." + (phone.hashCode() & 0xff)).statusCode(202);
            String masked = phone.substring(0, 3) + "****" + phone.substring(7);
            List<String> lines = logs.lines.stream().filter(line -> line.contains("Login code for") && line.contains(masked))
                    .toList();
            assertEquals(1, lines.size(), "one code sent to " + masked + ": " + lines);
            Matcher code = SIX_DIGITS.matcher(lines.get(0));
            assertTrue(code.find(), lines.get(0));
            return code.group(1);
        }
    }

    private static ValidatableResponse login(String phone, String code) {
        return given().header("Authorization", "Bearer " + TestIdentity.anonymous()).contentType(ContentType.JSON)
                .body(Map.of("phone", phone, "code", code)).post("/api/auth/member-token").then();
    }

    private static ValidatableResponse refresh(String refreshToken) {
        return given().header("Authorization", "Bearer " + TestIdentity.anonymous()).contentType(ContentType.JSON)
                .body(Map.of("refreshToken", refreshToken)).post("/api/auth/refresh").then();
    }

    private static JsonObject claimsOf(String jwt) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])));
    }

    private static void expireCodeOf(String memberId) {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("update login_code set expires_at = now() - interval '1 second' where member_id = cast(?1 as uuid)")
                .setParameter(1, memberId).executeUpdate());
    }

    /** Moves every code request two minutes into the past, past the one-a-minute limit. */
    private static void ageCodeRequests() {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("update login_code_request set requested_at = requested_at - interval '2 minutes'")
                .executeUpdate());
    }

    @Test
    void the_right_code_gives_a_member_access_token_for_the_gateway_and_a_refresh_token() {
        String phone = TestMembers.uniqueMainlandPhone();
        String member = TestMembers.register(phone);
        String code = codeFor(phone);
        var tokens = login("+86 " + phone, code).statusCode(200).body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900)).extract();
        JsonObject access = claimsOf(tokens.path("accessToken"));
        assertEquals("kinlink-auth", access.getString("iss"));
        assertEquals("kinlink-gateway", access.getString("aud"));
        assertEquals("member", access.getString("kind"));
        assertEquals(member, access.getString("sub"));
        assertEquals(List.of("member"), access.getJsonArray("groups").getList());
        JsonObject refresh = claimsOf(tokens.path("refreshToken"));
        assertEquals("kinlink-auth-refresh", refresh.getString("aud"));
        assertTrue(refresh.getLong("exp") - refresh.getLong("iat") >= 29L * 24 * 3600, "lasts a month");
        login(phone, code).statusCode(401).body("type", equalTo("urn:kinlink:problem:login-refused"));
    }

    @Test
    void asking_for_a_code_answers_the_same_for_a_number_that_is_no_members_and_sends_nothing() {
        String stranger = TestMembers.uniqueMainlandPhone();
        try (CapturedLogs logs = new CapturedLogs()) {
            askForCode(stranger, "10.2.0.1").statusCode(202).body("expiresIn", equalTo(300))
                    .body("resendAfter", equalTo(60));
            assertEquals(List.of(), logs.lines.stream().filter(line -> line.contains("Login code for")).toList());
        }
        login(stranger, "123456").statusCode(401);
        askForCode("not a phone", "10.2.0.1").statusCode(400).body("errors[0].field", equalTo("phone"));
    }

    @Test
    void the_code_cannot_be_guessed_within_the_attempt_limit_the_last_wrong_guess_spends_it() {
        String phone = TestMembers.uniqueMainlandPhone();
        TestMembers.register(phone);
        String code = codeFor(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int guess = 1; guess <= 5; guess++) {
            login(phone, wrong).statusCode(401);
        }
        login(phone, code).statusCode(401).body("detail", equalTo("No code is waiting for this number; ask for a new one"));
    }

    @Test
    void parallel_guesses_count_one_by_one_so_at_most_five_are_tried() throws Exception {
        String phone = TestMembers.uniqueMainlandPhone();
        String member = TestMembers.register(phone);
        String code = codeFor(phone);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String guess = String.format("%06d", i);
                String attempt = guess.equals(code) ? "999999" : guess;
                guesses.add(() -> login(phone, attempt).extract().statusCode());
            }
            for (Future<Integer> answer : pool.invokeAll(guesses)) {
                assertEquals(401, answer.get());
            }
        } finally {
            pool.shutdown();
        }
        login(phone, code).statusCode(401); // spent by the fifth wrong guess, whoever made it
        long waiting = QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from login_code where member_id = cast(?1 as uuid)")
                .setParameter(1, member).getSingleResult()).longValue());
        assertEquals(0, waiting);
    }

    @Test
    void an_expired_code_is_refused() {
        String phone = TestMembers.uniqueMainlandPhone();
        String member = TestMembers.register(phone);
        String code = codeFor(phone);
        expireCodeOf(member);
        login(phone, code).statusCode(401).body("detail",
                equalTo("The code has expired or was guessed too often; ask for a new one"));
    }

    @Test
    void codes_are_limited_per_phone_each_minute_and_hour_and_per_address_each_hour() {
        String phone = TestMembers.uniqueMainlandPhone();
        TestMembers.register(phone);
        String address = "10.3.0." + (System.nanoTime() & 0x7f);
        askForCode(phone, address).statusCode(202);
        askForCode(phone, address).statusCode(429).header("Retry-After", notNullValue())
                .contentType("application/problem+json").body("detail", equalTo("A code was sent to this number a moment ago"));
        for (int i = 2; i <= 5; i++) {
            ageCodeRequests();
            askForCode(phone, address).statusCode(202);
        }
        ageCodeRequests();
        String retryAfter = askForCode(phone, address).statusCode(429)
                .body("detail", equalTo("Too many codes asked for this number in the last hour"))
                .extract().header("Retry-After");
        assertTrue(Long.parseLong(retryAfter) > 60, retryAfter);

        String busyAddress = "10.4.0." + (System.nanoTime() & 0x7f);
        for (int i = 0; i < 20; i++) {
            askForCode(TestMembers.uniqueMainlandPhone(), busyAddress).statusCode(202);
        }
        askForCode(TestMembers.uniqueMainlandPhone(), busyAddress).statusCode(429)
                .body("detail", equalTo("Too many codes asked for this address in the last hour"));
    }

    @Test
    void a_refresh_token_is_spent_once_and_spending_it_again_ends_the_session() {
        String phone = TestMembers.uniqueMainlandPhone();
        String member = TestMembers.register(phone);
        String first = login(phone, codeFor(phone)).statusCode(200).extract().path("refreshToken");
        var renewed = refresh(first).statusCode(200).extract();
        String second = renewed.path("refreshToken");
        assertNotEquals(first, second);
        assertEquals(member, claimsOf(renewed.path("accessToken")).getString("sub"));
        // the first token again: copied by someone, so the session ends for both copies
        refresh(first).statusCode(401).body("type", equalTo("urn:kinlink:problem:session-ended"));
        refresh(second).statusCode(401);
        refresh("not-a-token").statusCode(401);
        refresh(TestIdentity.member(UUID.fromString(member))).statusCode(401); // an access token is no refresh token
    }

    @Test
    void logging_out_or_being_suspended_ends_the_session() {
        String phone = TestMembers.uniqueMainlandPhone();
        String member = TestMembers.register(phone);
        String refreshToken = login(phone, codeFor(phone)).statusCode(200).extract().path("refreshToken");
        given().header("Authorization", "Bearer " + TestIdentity.anonymous()).contentType(ContentType.JSON)
                .body(Map.of("refreshToken", refreshToken)).post("/api/auth/logout").then().statusCode(204);
        refresh(refreshToken).statusCode(401);

        ageCodeRequests();
        String again = login(phone, codeFor(phone)).statusCode(200).extract().path("refreshToken");
        given().post("/api/members/" + member + "/suspension").then().statusCode(200);
        refresh(again).statusCode(401);
        ageCodeRequests();
        try (CapturedLogs logs = new CapturedLogs()) {
            askForCode(phone, "10.5.0.1").statusCode(202);
            assertEquals(List.of(), logs.lines.stream().filter(line -> line.contains("Login code for")).toList(),
                    "a suspended member gets no code");
        }
    }
}
