package io.kinlink.member;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;

/** Members for tests, each with a phone number no other test uses. */
public final class TestMembers {

    private TestMembers() {
    }

    /** A mainland mobile number, random enough that tests sharing a database never collide. */
    public static String uniqueMainlandPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    public static String register(String phone) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "Test Member", "phone", phone, "branch", "shanghai-jingan",
                        "marketingConsent", true, "privacyNoticeVersion", 1))
                .when().post("/api/members")
                .then().statusCode(201)
                .extract().path("id");
    }

    public static String register() {
        return register(uniqueMainlandPhone());
    }
}
