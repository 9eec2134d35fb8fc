package io.kinlink.referral;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hamcrest.Matchers;

import io.kinlink.referral.api.RejectionView;
import io.restassured.response.Response;

/** The referral service's HTTP API as tests use it. */
public final class ReferralApi {

    private static final Pattern CLICK_ID = Pattern.compile("data-click-id=\"([0-9a-f-]{36})\"");

    private ReferralApi() {
    }

    /** The member's code, once their registration has been taken in. */
    public static String codeOf(UUID member) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/api/members/" + member + "/referral-code").then().statusCode(200));
        return given().get("/api/members/" + member + "/referral-code").then().extract().path("code");
    }

    /**
     * Announces an open branch as member-service would and waits until this service knows it: the
     * reports refuse a branch they have never heard of.
     */
    public static String awaitBranchOpened(String id) {
        TestEvents.publish(TestEvents.branchChanged(TestEvents.openBranch(id, "测试门店 " + id, "Test branch " + id,
                "上海")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().queryParam("branch", id).get("/api/referrals/funnel").then().statusCode(200));
        return id;
    }

    /** Opens a share link as a visitor from {@code ip} would and returns the page. */
    public static Response open(String path, String ip) {
        return given().header("X-Forwarded-For", ip).header("User-Agent", "Mozilla/5.0 (iPhone) MicroMessenger")
                .get(path);
    }

    /** The click id the landing page put into its form. */
    public static UUID clickIdIn(Response page) {
        Matcher matcher = CLICK_ID.matcher(page.asString());
        if (!matcher.find()) {
            throw new AssertionError("no click id in the page");
        }
        return UUID.fromString(matcher.group(1));
    }

    /** The refused attribution of a referee, once it has been recorded, as operators see it. */
    public static RejectionView awaitRejection(UUID referee) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> given()
                .queryParam("size", 200)
                .get("/api/referrals/rejections").then().statusCode(200).extract().jsonPath()
                .getList("items", RejectionView.class).stream()
                .filter(rejection -> rejection.refereeId().equals(referee)).findFirst().orElse(null),
                Objects::nonNull);
    }

    /** Waits until the referrer lists {@code count} friends. */
    public static void awaitReferrals(UUID referrer, int count) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .get("/api/members/" + referrer + "/referrals").then().statusCode(200)
                .body("total", Matchers.equalTo(count)));
    }
}
