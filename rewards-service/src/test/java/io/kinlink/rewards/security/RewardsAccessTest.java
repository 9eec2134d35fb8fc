package io.kinlink.rewards.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kinlink.rewards.RewardsEvents;
import io.kinlink.testsupport.AccessMatrix;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TestIdentity;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every kind of caller against the rewards endpoints, as the gateway forwards them. This service
 * does not know members' branches: a partner reaches a member only when the gateway's token says
 * the member service confirmed that member within the key's branches.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "rewards"))
class RewardsAccessTest {

    @BeforeEach
    void tillsBranchesAreInTheDirectory() {
        RewardsEvents.knownBranches("shanghai-jingan", "shanghai-pudong");
    }

    private static final String HOME = "shanghai-jingan";
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final AccessMatrix matrix = new AccessMatrix();

    private Map<String, Object> redemption(String branch) {
        return Map.of("externalTransactionId", "till-" + UUID.randomUUID(), "points", 100, "branch", branch);
    }

    @Test
    void each_caller_reaches_only_the_balances_and_coupons_that_are_theirs() {
        String alices = "/api/members/" + alice + "/rewards";
        String partnerConfirmed = TestIdentity.partner("key-east", Set.of(HOME), alice);
        String partnerForBob = TestIdentity.partner("key-east", Set.of(HOME), bob);
        String partnerUnconfirmed = TestIdentity.partner("key-north", Set.of("beijing-chaoyang"), null);
        String operator = TestIdentity.token("operator", "op-1", Set.of("operator"), Duration.ofMinutes(5));
        List<String> reads = List.of(alices + "/balance", alices + "/history", alices + "/coupons");

        for (String read : reads) {
            matrix.expectAs("alice", TestIdentity.member(alice), "GET", read, null, 200);
            matrix.expectAs("bob", TestIdentity.member(bob), "GET", read, null, 404);
            matrix.expectAs("partner confirmed for alice", partnerConfirmed, "GET", read, null, 200);
            matrix.expectAs("partner confirmed for bob", partnerForBob, "GET", read, null, 404);
            matrix.expectAs("partner not confirmed", partnerUnconfirmed, "GET", read, null, 404);
            matrix.expectAs("operator", operator, "GET", read, null, 200);
            matrix.expectAs("anonymous", TestIdentity.anonymous(), "GET", read, null, 403);
        }
        // paying with points is the till's act: 422 here means "allowed, but Alice has no points"
        matrix.expectAs("partner confirmed for alice", partnerConfirmed, "POST", alices + "/redemptions", redemption(HOME), 422);
        matrix.expectAs("partner confirmed, other branch", partnerConfirmed, "POST", alices + "/redemptions",
                redemption("beijing-chaoyang"), 403);
        matrix.expectAs("partner not confirmed", partnerUnconfirmed, "POST", alices + "/redemptions",
                redemption("beijing-chaoyang"), 404);
        matrix.expectAs("alice", TestIdentity.member(alice), "POST", alices + "/redemptions", redemption(HOME), 403);
        matrix.expectAs("operator", operator, "POST", alices + "/redemptions", redemption(HOME), 422);
        matrix.expectAs("partner confirmed for alice", partnerConfirmed, "POST", alices + "/coupons/" + UUID.randomUUID()
                + "/redemptions", Map.of("externalTransactionId", "t-1", "orderAmountFen", 100, "branch", HOME), 404);
        matrix.expectAs("alice", TestIdentity.member(alice), "POST", alices + "/coupons/" + UUID.randomUUID() + "/redemptions",
                Map.of("externalTransactionId", "t-1", "orderAmountFen", 100, "branch", HOME), 403);
        for (String operatorsOnly : List.of("/api/rewards/rules", "/api/rewards/budget", "/api/rewards/budget/held",
                "/api/rewards/coupon-templates")) {
            matrix.expectAs("alice", TestIdentity.member(alice), "GET", operatorsOnly, null, 403);
            matrix.expectAs("partner", partnerConfirmed, "GET", operatorsOnly, null, 403);
            matrix.expectAs("operator", operator, "GET", operatorsOnly, null, 200);
        }
        matrix.expectAs("partner", partnerConfirmed, "POST", alices + "/coupons", Map.of(), 403);

        matrix.assertAllAsExpected();
    }
}
