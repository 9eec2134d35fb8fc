package io.kinlink.member.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kinlink.member.TestMembers;
import io.kinlink.testsupport.AccessMatrix;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TestIdentity;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every kind of caller against every endpoint family of the member service, as the gateway would
 * forward them: allowed where they should be, and 403 (wrong kind of caller) or 404 (someone
 * else's member) where not. Alice is a member of shanghai-jingan; the east partner's key covers
 * that branch, the north partner's does not.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "member"))
class AccessMatrixTest {

    private static final String HOME = "shanghai-jingan";
    private static String alice;
    private static String alicesPhone;
    private static String bob;
    private static String alicesPurchase;

    private static String anonymous() {
        return TestIdentity.anonymous();
    }

    private static String member(String id) {
        return TestIdentity.member(UUID.fromString(id));
    }

    private static String eastPartner() {
        return TestIdentity.partner("key-east", Set.of(HOME), null);
    }

    private static String northPartner() {
        return TestIdentity.partner("key-north", Set.of("beijing-chaoyang"), null);
    }

    private static String operatorOnly() {
        return TestIdentity.token("operator", "op-1", Set.of("operator"), Duration.ofMinutes(5));
    }

    @BeforeEach
    void members() {
        if (alice != null) {
            return;
        }
        alicesPhone = TestMembers.uniqueMainlandPhone();
        alice = TestMembers.register(alicesPhone);
        bob = TestMembers.register();
        alicesPurchase = given().contentType(ContentType.JSON).body(purchase(alice, HOME)).post("/api/purchases")
                .then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> purchase(String member, String branch) {
        return Map.of("memberId", member, "externalTransactionId", "till-" + UUID.randomUUID(), "amountFen", 10_000,
                "branch", branch);
    }

    private static Map<String, Object> visit(String member, String branch) {
        return Map.of("memberId", member, "externalVisitId", "visit-" + UUID.randomUUID(), "branch", branch);
    }

    private static Map<String, Object> refund() {
        return Map.of("purchaseId", alicesPurchase, "externalRefundId", "refund-" + UUID.randomUUID(), "amountFen", 1);
    }

    private record Call(String method, String path, Object body) {
    }

    private final AccessMatrix matrix = new AccessMatrix();

    private void expect(String who, String token, Call call, int status) {
        matrix.expectAs(who, token, call.method(), call.path(), call.body(), status);
    }

    @Test
    void each_caller_reaches_only_what_is_theirs() {
        Call profile = new Call("GET", "/api/members/" + alice, null);
        Call editProfile = new Call("PATCH", "/api/members/" + alice, Map.of("marketingConsent", true));
        Call goldStandards = new Call("GET", "/api/members/" + alice + "/gold-standards", null);
        Call suspend = new Call("POST", "/api/members/" + alice + "/suspension", null);
        Call needsTags = new Call("PUT", "/api/members/" + alice + "/needs-tags", Map.of("tags", List.of()));
        Call directory = new Call("GET", "/api/members", null);
        Call satisfaction = new Call("POST", "/api/satisfaction", Map.of("memberId", alice, "score", 5,
                "purchaseId", alicesPurchase));
        Call keys = new Call("GET", "/api/partner-keys", null);
        Call addOperator = new Call("POST", "/api/auth/operators", Map.of("username", "op-" + System.nanoTime(),
                "password", "long-enough-password", "roles", List.of("operator")));
        Call keyCheck = new Call("POST", "/internal/partner-keys/verification", Map.of("key", "klk_x"));
        Call rateLease = new Call("POST", "/internal/rate-leases", Map.of("bucket", "ab".repeat(32), "perMinute", 60,
                "burst", 10, "wanted", 1, "returned", 0));

        // anonymous: only sign-up and logins (tested elsewhere) are theirs
        for (Call call : List.of(profile, editProfile, goldStandards, suspend, directory, keys,
                new Call("POST", "/api/purchases", purchase(alice, HOME)), new Call("POST", "/api/visits", visit(alice, HOME)),
                new Call("POST", "/api/refunds", refund()), satisfaction, keyCheck, rateLease)) {
            expect("anonymous", anonymous(), call, 403);
        }
        // a member: their own profile, standards, satisfaction; never another's, never a till's work
        expect("alice", member(alice), profile, 200);
        expect("alice", member(alice), editProfile, 200);
        expect("alice", member(alice), goldStandards, 200);
        expect("alice", member(alice), satisfaction, 201);
        expect("bob", member(bob), profile, 404);
        expect("bob", member(bob), editProfile, 404);
        expect("bob", member(bob), goldStandards, 404);
        expect("bob", member(bob), new Call("POST", "/api/satisfaction", Map.of("memberId", alice, "score", 1,
                "purchaseId", alicesPurchase)), 404);
        for (Call call : List.of(suspend, needsTags, directory, keys, addOperator, keyCheck, rateLease,
                new Call("POST", "/api/purchases", purchase(alice, HOME)), new Call("POST", "/api/visits", visit(alice, HOME)),
                new Call("POST", "/api/refunds", refund()))) {
            expect("alice", member(alice), call, 403);
        }
        // a partner: its branches' members, at its branches; others' members do not exist for it
        Call lookup = new Call("POST", "/api/members/lookup", Map.of("phone", "+86 " + alicesPhone));
        expect("east", eastPartner(), profile, 200);
        expect("east", eastPartner(), lookup, 200);
        expect("east", eastPartner(), new Call("POST", "/api/members/lookup",
                Map.of("phone", TestMembers.uniqueMainlandPhone())), 404);
        expect("north", northPartner(), lookup, 404);
        expect("alice", member(alice), lookup, 403);
        expect("anonymous", anonymous(), lookup, 403);
        expect("east", eastPartner(), new Call("POST", "/api/purchases", purchase(alice, HOME)), 201);
        expect("east", eastPartner(), new Call("POST", "/api/visits", visit(alice, HOME)), 201);
        expect("east", eastPartner(), new Call("POST", "/api/refunds", refund()), 201);
        expect("east", eastPartner(), new Call("POST", "/api/purchases", purchase(alice, "beijing-chaoyang")), 403);
        expect("north", northPartner(), profile, 404);
        expect("north", northPartner(), new Call("POST", "/api/purchases", purchase(alice, "beijing-chaoyang")), 404);
        expect("north", northPartner(), new Call("POST", "/api/visits", visit(alice, "beijing-chaoyang")), 404);
        expect("north", northPartner(), new Call("POST", "/api/refunds", refund()), 404);
        expect("north", northPartner(), new Call("POST", "/api/members", Map.of("name", "Chen", "phone",
                TestMembers.uniqueMainlandPhone(), "branch", HOME, "channel", "PARTNER", "marketingConsent", false, "privacyNoticeVersion", 1)), 403);
        expect("north", northPartner(), new Call("POST", "/api/members", Map.of("name", "Chen", "phone",
                TestMembers.uniqueMainlandPhone(), "branch", "beijing-chaoyang", "channel", "PARTNER",
                "marketingConsent", false, "privacyNoticeVersion", 1)), 201);
        for (Call call : List.of(editProfile, goldStandards, suspend, needsTags, directory, keys, keyCheck, rateLease)) {
            expect("east", eastPartner(), call, 403);
        }
        // operators: everything of the programme, but adding operators is for administrators
        for (Call call : List.of(profile, goldStandards, directory, keys)) {
            expect("operator", operatorOnly(), call, 200);
        }
        expect("operator", operatorOnly(), addOperator, 403);
        expect("operator", operatorOnly(), keyCheck, 403);
        expect("operator", operatorOnly(), rateLease, 403);
        expect("gateway", TestIdentity.gateway(), rateLease, 200);
        expect("gateway", TestIdentity.gateway(), keyCheck, 401);

        matrix.assertAllAsExpected();
    }

    @Test
    void refusals_are_problems_that_do_not_tell_whether_the_member_exists() {
        String unknown = UUID.randomUUID().toString();
        var outOfScope = given().header("Authorization", "Bearer " + northPartner()).get("/api/members/" + alice)
                .then().statusCode(404).contentType("application/problem+json").extract();
        var missing = given().header("Authorization", "Bearer " + northPartner()).get("/api/members/" + unknown)
                .then().statusCode(404).extract();
        assertEquals(outOfScope.path("type"), missing.<String>path("type"));
        assertEquals("No member " + alice, outOfScope.path("detail"));
        given().header("Authorization", "Bearer " + member(alice)).get("/api/members").then().statusCode(403)
                .contentType("application/problem+json");
        List<String> seen = new ArrayList<>();
        seen.add(given().header("Authorization", "Bearer " + member(bob)).get("/api/members/" + alice).then()
                .extract().asString());
        assertEquals(false, seen.get(0).contains("Test Member"), "no data of someone else's member");
    }
}
