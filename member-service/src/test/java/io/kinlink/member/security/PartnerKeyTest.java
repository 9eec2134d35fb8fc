package io.kinlink.member.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** Operators make partners' API keys; the gateway has each presented key checked here. */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "member"))
class PartnerKeyTest {

    private static ValidatableResponse check(String key, String memberId) {
        return given().header("Authorization", "Bearer " + TestIdentity.gateway()).contentType(ContentType.JSON)
                .body(memberId == null ? Map.of("key", key) : Map.of("key", key, "memberId", memberId))
                .post("/internal/partner-keys/verification").then();
    }

    private static ExtractableResponse<Response> create(
            List<String> branches) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "Jing'an till", "branches", branches, "requestsPerMinute", 120))
                .post("/api/partner-keys").then().statusCode(201)
                .body("key", matchesPattern("klk_[0-9a-f]{12}_[0-9a-f]{48}"))
                .body("partnerKey.branches", equalTo(branches))
                .body("partnerKey.createdBy", equalTo("test-operator"))
                .extract();
    }

    @Test
    void a_key_is_shown_once_stored_only_as_a_hash_and_checked_with_its_branches() {
        String member = TestMembers.register();
        var created = create(List.of("shanghai-jingan", "shanghai-xuhui"));
        String key = created.path("key");
        String id = created.path("partnerKey.id");

        String listed = given().get("/api/partner-keys").then().statusCode(200).extract().asString();
        assertTrue(listed.contains(id));
        assertFalse(listed.contains(key.substring(17)), "the secret is never shown again");
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) Panache.getEntityManager()
                .createNativeQuery("select k::text from partner_key k where id = cast(?1 as uuid)")
                .setParameter(1, id).getSingleResult());
        assertFalse(stored.contains(key.substring(17)), "only a hash is stored");

        check(key, member).statusCode(200).body("keyId", equalTo(id))
                .body("branches", equalTo(List.of("shanghai-jingan", "shanghai-xuhui")))
                .body("requestsPerMinute", equalTo(120)).body("confirmedMember", equalTo(member));
        check(key, null).statusCode(200).body("confirmedMember", nullValue());
        given().get("/api/partner-keys").then()
                .body("find { it.id == '" + id + "' }.lastUsedAt", notNullValue());
    }

    @Test
    void a_member_outside_the_keys_branches_is_not_confirmed() {
        String member = TestMembers.register(); // shanghai-jingan
        String key = create(List.of("beijing-chaoyang")).path("key");
        check(key, member).statusCode(200).body("confirmedMember", nullValue());
        check(key, UUID.randomUUID().toString()).statusCode(200).body("confirmedMember", nullValue());
    }

    @Test
    void a_wrong_secret_an_unknown_prefix_or_garbage_is_refused_alike() {
        String key = create(List.of("shanghai-jingan")).path("key");
        String wrongSecret = key.substring(0, 17) + "0".repeat(48);
        String unknownPrefix = "klk_ffffffffffff" + key.substring(16);
        for (String presented : List.of(wrongSecret, unknownPrefix, "garbage", "", key + "x")) {
            check(presented, null).statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("urn:kinlink:problem:invalid-api-key"));
        }
    }

    @Test
    void a_revoked_key_is_refused_at_its_next_check() {
        var created = create(List.of("shanghai-jingan"));
        String key = created.path("key");
        check(key, null).statusCode(200);
        given().post("/api/partner-keys/" + created.path("partnerKey.id") + "/revoke").then().statusCode(200)
                .body("revokedAt", notNullValue()).body("revokedBy", nullValue());
        check(key, null).statusCode(401);
        given().post("/api/partner-keys/" + UUID.randomUUID() + "/revoke").then().statusCode(404);
    }

    @Test
    void a_key_needs_a_name_and_valid_branches() {
        given().contentType(ContentType.JSON).body(Map.of("name", " ", "branches", List.of("a,b"), "requestsPerMinute", 0))
                .post("/api/partner-keys").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("branches[0].<list element>", "name",
                        "requestsPerMinute")));
        long keys = QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from partner_key where name = ' '").getSingleResult()).longValue());
        assertEquals(0, keys);
    }
}
