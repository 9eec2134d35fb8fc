package io.kinlink.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;

/** Members signing up through the gateway, as the app does, and the referral codes they get. */
final class Signups {

    private Signups() {
    }

    /** A new member of the Jing'an branch with a fresh mainland phone; {@code referralCode} may be null. */
    static String register(String name, String referralCode) {
        return register(name, referralCode, "shanghai-jingan");
    }

    /** A new member of {@code branch} with a fresh mainland phone; {@code referralCode} may be null. */
    static String register(String name, String referralCode, String branch) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name,
                "phone", "13" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)),
                "branch", branch, "marketingConsent", true, "privacyNoticeVersion", RunningPlatform.privacyNoticeVersion()));
        if (referralCode != null) {
            body.put("referralCode", referralCode);
        }
        return given().contentType(ContentType.JSON).body(body).when().post("/api/members")
                .then().statusCode(201).extract().path("id");
    }

    /** The member's referral code, once the referral service has issued it (it learns of members by event). */
    static String codeOf(String member) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/members/" + member + "/referral-code").then().statusCode(200));
        return given().get("/api/members/" + member + "/referral-code").then().extract().path("code");
    }
}
