package io.kinlink.member.consent;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kinlink.member.TestMembers;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TestIdentity;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Consent as PIPL asks: a sign-up accepts a version of the privacy notice (refused without it),
 * marketing consent is recorded apart, every change is kept, and erasure keeps the proof.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "member"))
class ConsentTest {

    private static Map<String, Object> signUp(Object noticeVersion) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Zhao Lei", "phone", TestMembers.uniqueMainlandPhone(),
                "branch", "shanghai-jingan", "channel", "LANDING_PAGE", "marketingConsent", true));
        if (noticeVersion != null) {
            body.put("privacyNoticeVersion", noticeVersion);
        }
        return body;
    }

    private static int currentVersion() {
        return given().get("/api/privacy-notice").then().statusCode(200).extract().path("version");
    }

    @Test
    void a_sign_up_must_accept_the_notice_in_force_and_both_consents_are_recorded_apart() {
        int current = currentVersion();
        given().get("/api/privacy-notice").then().body("publishedAt", notNullValue());
        given().get("/api/privacy-notices").then().statusCode(200) // the first, from configuration
                .body("find { it.version == 1 }.textZh", startsWith("我们收集"))
                .body("find { it.version == 1 }.textEn", startsWith("We collect"))
                .body("find { it.version == 1 }.publishedBy", equalTo("kinlink"));

        given().contentType(ContentType.JSON).body(signUp(null)).post("/api/members").then().statusCode(400)
                .body("errors[0].field", equalTo("privacyNoticeVersion"))
                .body("errors[0].message", equalTo("must accept the privacy notice"));
        for (int never : new int[] {current + 7, 0, -1}) {
            given().contentType(ContentType.JSON).body(signUp(never)).post("/api/members").then().statusCode(400)
                    .body("errors[0].field", equalTo("privacyNoticeVersion"));
        }
        long members = QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from member_consent where notice_version = ?1")
                .setParameter(1, current + 7).getSingleResult()).longValue());
        assertEquals(0, members, "a refused sign-up leaves nothing behind");

        String member = given().contentType(ContentType.JSON).body(signUp(current)).post("/api/members").then()
                .statusCode(201).extract().path("id");
        given().get("/api/members/" + member + "/consents").then().statusCode(200)
                .body("acceptedNoticeVersion", equalTo(current)).body("upToDate", equalTo(true))
                .body("marketingConsent", equalTo(true))
                .body("history.kind", equalTo(List.of("PRIVACY_NOTICE", "MARKETING")))
                .body("history.granted", equalTo(List.of(true, true)))
                .body("history.channel", equalTo(List.of("LANDING_PAGE", "LANDING_PAGE")));

        given().contentType(ContentType.JSON).body(Map.of("marketingConsent", false))
                .patch("/api/members/" + member).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("marketingConsent", false))
                .patch("/api/members/" + member).then().statusCode(200); // no change, no record
        given().header("Authorization", "Bearer " + TestIdentity.member(UUID.fromString(member)))
                .get("/api/members/" + member + "/consents").then().statusCode(200)
                .body("marketingConsent", equalTo(false)).body("history", hasSize(3))
                .body("history[2].kind", equalTo("MARKETING")).body("history[2].granted", equalTo(false))
                .body("history[2].channel", equalTo("PROFILE"));

        given().post("/api/members/" + member + "/erasure").then().statusCode(200);
        given().get("/api/members/" + member + "/consents").then().statusCode(200)
                .body("acceptedNoticeVersion", equalTo(current)).body("history", hasSize(3));
    }

    @Test
    void operators_publish_a_new_version_and_members_accept_it() {
        int previous = currentVersion();
        String member = given().contentType(ContentType.JSON).body(signUp(previous)).post("/api/members").then()
                .statusCode(201).extract().path("id");

        given().header("Authorization", "Bearer " + TestIdentity.member(UUID.fromString(member)))
                .contentType(ContentType.JSON).body(Map.of("textZh", "新版", "textEn", "New"))
                .post("/api/privacy-notices").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("textZh", "新版", "textEn", "New", "url", "http://x"))
                .post("/api/privacy-notices").then().statusCode(400).body("errors[0].field", equalTo("url"));
        given().contentType(ContentType.JSON)
                .body(Map.of("textZh", "第二版隐私政策", "textEn", "Privacy notice, second version",
                        "url", "https://clinic.example/privacy"))
                .post("/api/privacy-notices").then().statusCode(201)
                .body("version", equalTo(previous + 1)).body("publishedBy", equalTo("test-operator"));
        long announced = QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from outbox_event where event_type = 'PrivacyNoticePublished' "
                        + "and event_key = 'privacy-notice' and payload like ?1")
                .setParameter(1, "%\"version\":" + (previous + 1) + "%").getSingleResult()).longValue());
        assertEquals(1, announced);
        given().get("/api/privacy-notices").then().statusCode(200).body("version[0]", equalTo(previous + 1));

        given().get("/api/members/" + member + "/consents").then()
                .body("upToDate", equalTo(false)).body("currentNoticeVersion", equalTo(previous + 1));
        given().contentType(ContentType.JSON).body(Map.of("privacyNoticeVersion", 0))
                .post("/api/members/" + member + "/consents/privacy-notice").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("privacyNoticeVersion", previous + 1))
                .post("/api/members/" + member + "/consents/privacy-notice").then().statusCode(200)
                .body("upToDate", equalTo(true)).body("acceptedNoticeVersion", equalTo(previous + 1));

        // a page opened just before the new version still signs up with the one it showed
        given().contentType(ContentType.JSON).body(signUp(previous)).post("/api/members").then().statusCode(201);
    }
}
