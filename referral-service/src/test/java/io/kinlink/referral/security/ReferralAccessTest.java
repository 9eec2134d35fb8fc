package io.kinlink.referral.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kinlink.referral.ReferralApi;
import io.kinlink.referral.TestEvents;
import io.kinlink.testsupport.AccessMatrix;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TestIdentity;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every kind of caller against the referral endpoints: a member's referral view is theirs alone,
 * partners have no business here, reports are for operators, share links and code lookups are
 * open to anyone.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "referral"))
class ReferralAccessTest {

    private final AccessMatrix matrix = new AccessMatrix();

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
            matrix.expectAs("alice", TestIdentity.member(alice), "GET", read, null, 200);
            matrix.expectAs("bob", TestIdentity.member(bob), "GET", read, null, 404);
            matrix.expectAs("partner", partner, "GET", read, null, 403);
            matrix.expectAs("anonymous", TestIdentity.anonymous(), "GET", read, null, 403);
            matrix.expectAs("operator", operator, "GET", read, null, 200);
        }
        matrix.expectAs("alice", TestIdentity.member(alice), "POST", alices + "/shares", share, 201);
        matrix.expectAs("bob", TestIdentity.member(bob), "POST", alices + "/shares", share, 404);
        matrix.expectAs("partner", partner, "POST", alices + "/shares", share, 403);
        for (String report : List.of("/api/referrals/funnel", "/api/referrals/leaders", "/api/referrals/rejections")) {
            matrix.expectAs("alice", TestIdentity.member(alice), "GET", report, null, 403);
            matrix.expectAs("partner", partner, "GET", report, null, 403);
            matrix.expectAs("operator", operator, "GET", report, null, 200);
        }
        for (String open : List.of("/api/referral-codes/" + code, "/r/" + code)) {
            matrix.expectAs("anonymous", TestIdentity.anonymous(), "GET", open, null, 200);
        }
        matrix.assertAllAsExpected();
    }
}
