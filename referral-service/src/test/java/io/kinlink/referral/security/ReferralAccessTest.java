package io.kinlink.referral.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kinlink.referral.ReferralApi;
import io.kinlink.referral.TestEvents;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TestIdentity;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every kind of caller against the referral endpoints: a member's referral view is theirs alone,
 * partners have no business here, reports are for operators, share links and code lookups are
 * open to anyone.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "referral"))
class ReferralAccessTest {

    private final Map<String, Integer> mismatches = new LinkedHashMap<>();

    private void expect(String who, String token, String method, String path, Object body, int status) {
        var request = given().header("Authorization", "Bearer " + token);
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        int actual = request.request(method, path).then().extract().statusCode();
        if (actual != status) {
            mismatches.put(who + " " + method + " " + path + " expected " + status, actual);
        }
    }

    @Test
    void a_members_referral_view_is_theirs_alone_and_reports_are_for_operators() {
        UUID alice = TestEvents.registered(null, null);
        UUID bob = TestEvents.registered(null, null);
        String code = ReferralApi.codeOf(alice);
        String alices = "/api/members/" + alice;
        String partner = TestIdentity.partner("key-east", Set.of("shanghai-jingan"), alice);
        String operator = TestIdentity.token("operator", "op-1", Set.of("operator"), Duration.ofMinutes(5));
        Map<String, Object> share = Map.of("channel", "WECHAT");

        for (String read : List.of(alices + "/referral-code", alices + "/referrals", alices + "/network")) {
            expect("alice", TestIdentity.member(alice), "GET", read, null, 200);
            expect("bob", TestIdentity.member(bob), "GET", read, null, 404);
            expect("partner", partner, "GET", read, null, 403);
            expect("anonymous", TestIdentity.anonymous(), "GET", read, null, 403);
            expect("operator", operator, "GET", read, null, 200);
        }
        expect("alice", TestIdentity.member(alice), "POST", alices + "/shares", share, 201);
        expect("bob", TestIdentity.member(bob), "POST", alices + "/shares", share, 404);
        expect("partner", partner, "POST", alices + "/shares", share, 403);
        for (String report : List.of("/api/referrals/funnel", "/api/referrals/leaders", "/api/referrals/rejections")) {
            expect("alice", TestIdentity.member(alice), "GET", report, null, 403);
            expect("partner", partner, "GET", report, null, 403);
            expect("operator", operator, "GET", report, null, 200);
        }
        for (String open : List.of("/api/referral-codes/" + code, "/r/" + code)) {
            expect("anonymous", TestIdentity.anonymous(), "GET", open, null, 200);
        }
        assertEquals(Map.of(), mismatches, "calls that answered otherwise");
    }
}
