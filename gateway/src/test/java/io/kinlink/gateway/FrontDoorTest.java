package io.kinlink.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** What every request meets at the door: security headers, CORS for the app's origins, rate limits. */
@QuarkusTest
@TestProfile(FrontDoorTest.Door.class)
class FrontDoorTest {

    public static class Door implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kinlink.gateway.signing-key", TestKeys.privateKey(),
                    "kinlink.gateway.auth-public-key", TestKeys.publicKey("auth"),
                    "kinlink.gateway.services.member", "http://localhost:9",
                    "kinlink.gateway.services.referral", "http://localhost:9",
                    "kinlink.gateway.services.rewards", "http://localhost:9",
                    "kinlink.gateway.cors-origins", "https://app.kinlink.example",
                    "kinlink.gateway.trusted-proxies", "127.0.0.1",
                    // one a minute after the burst: a slow machine cannot refill a token between the requests
                    "kinlink.gateway.rate-limits.landing.per-minute", "1",
                    "kinlink.gateway.rate-limits.landing.burst", "3");
        }
    }

    @Test
    void every_answer_carries_the_security_headers_and_api_answers_are_not_cached() {
        for (String path : new String[] {"/api/members/1", "/nowhere"}) {
            given().get(path).then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                    .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'")
                    .header("Cache-Control", "no-store");
        }
    }

    @Test
    void the_apps_origin_may_call_the_api_from_a_browser_and_other_origins_may_not() {
        given().header("Origin", "https://app.kinlink.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type")
                .options("/api/members").then().statusCode(204)
                .header("Access-Control-Allow-Origin", "https://app.kinlink.example")
                .header("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Api-Key, X-Request-Id");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/members").then().statusCode(403).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://app.kinlink.example").get("/api/members/1").then()
                .header("Access-Control-Allow-Origin", "https://app.kinlink.example")
                .header("Access-Control-Expose-Headers", "X-Request-Id, Retry-After, Location");
        given().header("Origin", "https://evil.example").get("/api/members/1").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void share_links_opened_too_often_from_one_address_get_429_with_retry_after_and_others_still_pass() {
        List<Integer> statuses = new ArrayList<>();
        Response limited = null;
        for (int i = 0; i < 4; i++) {
            Response response = given().header("X-Forwarded-For", "203.0.113.9").get("/r/ABCD234");
            statuses.add(response.statusCode());
            limited = response;
        }
        assertEquals(List.of(503, 503, 503, 429), statuses, "three pass to the (down) service, the fourth is held");
        limited.then().contentType("application/problem+json")
                .body("type", equalTo("urn:kinlink:problem:too-many-requests"));
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter > 50 && retryAfter <= 60, "one token a minute comes back within the minute: " + retryAfter);
        given().header("X-Forwarded-For", "198.51.100.20").get("/r/ABCD234").then().statusCode(503);
    }
}
