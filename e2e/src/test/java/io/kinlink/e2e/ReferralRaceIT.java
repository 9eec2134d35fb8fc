package io.kinlink.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A friend taps two share links and submits both forms at the same moment: one member, one referrer. */
class ReferralRaceIT {

    @BeforeAll
    static void platform() {
        RestAssured.baseURI = RunningPlatform.gatewayUrl();
        RestAssured.requestSpecification = RunningPlatform.asOperator(); // members' own views are SecurityIT's
    }

    @Test
    void the_same_friend_registering_twice_at_once_with_two_codes_ends_with_exactly_one_referrer() throws Exception {
        String alice = register(phone(), null).then().statusCode(201).extract().path("id");
        String carol = register(phone(), null).then().statusCode(201).extract().path("id");
        String friendPhone = phone();

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> attempts = new ArrayList<>();
        for (String referrer : List.of(alice, carol)) {
            String code = Signups.codeOf(referrer);
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return register(friendPhone, code);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Response> attempt : attempts) {
            statuses.add(attempt.get().statusCode());
        }
        statuses.sort(Integer::compare);
        assertEquals(List.of(201, 409), statuses, "one registration, the other told the phone is taken");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(1,
                referralsOf(alice) + referralsOf(carol), "exactly one referrer"));
        given().get("/api/members/" + alice + "/referrals").then().body("referrals.size()",
                equalTo(referralsOf(alice)));
    }

    private static Response register(String phone, String code) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "周杰", "phone", phone,
                "branch", "shanghai-jingan", "marketingConsent", false, "privacyNoticeVersion", RunningPlatform.privacyNoticeVersion(), "channel", "LANDING_PAGE"));
        if (code != null) {
            body.put("referralCode", code);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/members");
    }

    private static int referralsOf(String member) {
        return given().get("/api/members/" + member + "/referrals").then().statusCode(200).extract().path("total");
    }

    private static String phone() {
        return "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
