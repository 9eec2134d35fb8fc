package io.kinlink.member.branch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kinlink.events.Topics;
import io.kinlink.member.TestBranches;
import io.kinlink.member.TestMembers;
import io.kinlink.testsupport.Infrastructure;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TestIdentity;
import io.kinlink.testsupport.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The branch directory: anyone lists it with names, operators add, change and close branches, every
 * change is announced, and members, purchases, visits, partner keys and filters naming a branch the
 * directory does not hold are refused with a field error, storing nothing.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "member"))
class BranchTest {

    private static String uniqueId() {
        return "br-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse register(String branch, String phone) {
        return given().contentType(ContentType.JSON).body(Map.of("name", "Branch Test", "phone", phone,
                        "branch", branch, "marketingConsent", false, "privacyNoticeVersion", 1))
                .when().post("/api/members").then();
    }

    private static ValidatableResponse saveBranch(String id, Map<String, Object> details) {
        return given().contentType(ContentType.JSON).body(details).when().put("/api/branches/" + id).then();
    }

    @Test
    void anyone_lists_the_configured_branches_with_their_names() {
        given().header("Authorization", "Bearer " + TestIdentity.anonymous())
                .when().get("/api/branches")
                .then().statusCode(200)
                .body("find { it.id == 'shanghai-jingan' }.nameZh", equalTo("上海静安店"))
                .body("find { it.id == 'shanghai-jingan' }.nameEn", equalTo("Shanghai Jing'an"))
                .body("find { it.id == 'shanghai-jingan' }.city", equalTo("上海"))
                .body("id", hasItems("shanghai-xuhui", "beijing-chaoyang"))
                // who changed a branch is for operators' eyes
                .body("[0]", not(org.hamcrest.Matchers.hasKey("changedBy")));
    }

    @Test
    void an_operator_adds_a_branch_changes_it_and_each_change_is_announced_in_order() {
        String id = uniqueId();
        saveBranch(id, Map.of("nameZh", "杭州西湖店", "nameEn", "Hangzhou West Lake", "city", "杭州",
                "address", "北山街 1 号")).statusCode(201)
                .header("Location", containsString("/api/branches/" + id))
                .body("active", equalTo(true)).body("changedBy", equalTo("test-operator"));
        // an operator who logged in is recorded by their user name
        given().header("Authorization", "Bearer " + TestIdentity.operatorNamed("ops-lead"))
                .contentType(ContentType.JSON).body(Map.of("nameZh", "杭州湖滨店", "nameEn", "Hangzhou Hubin", "city", "杭州"))
                .when().put("/api/branches/" + id).then().statusCode(200)
                .body("nameZh", equalTo("杭州湖滨店")).body("address", equalTo(null)).body("changedBy", equalTo("ops-lead"));
        given().get("/api/branches/" + id).then().statusCode(200).body("nameEn", equalTo("Hangzhou Hubin"));

        try (TopicProbe probe = new TopicProbe(Infrastructure.shared().kafkaBootstrapServers(), Topics.MEMBER_EVENTS)) {
            var records = probe.await(r -> ("branch:" + id).equals(r.key()), 2, Duration.ofSeconds(20),
                    Duration.ofMillis(300));
            assertEquals(2, records.size(), "one BranchChanged per change");
            assertTrue(records.get(0).value().contains("\"type\":\"BranchChanged\""));
            assertTrue(records.get(0).value().contains("杭州西湖店"));
            assertTrue(records.get(1).value().contains("杭州湖滨店"));
        }
    }

    @Test
    void unknown_branches_are_field_errors_and_nothing_is_stored() {
        String phone = TestMembers.uniqueMainlandPhone();
        register("no-such-branch", phone).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("branch"))
                .body("errors[0].message", containsString("unknown branch no-such-branch"));
        // the phone is still free: nothing was half-written
        String member = register("shanghai-jingan", phone).statusCode(201).extract().path("id");

        given().contentType(ContentType.JSON).body(Map.of("memberId", member, "externalTransactionId",
                        "till-" + UUID.randomUUID(), "amountFen", 10_000, "branch", "no-such-branch"))
                .when().post("/api/purchases").then().statusCode(400).body("errors[0].field", equalTo("branch"));
        given().contentType(ContentType.JSON).body(Map.of("memberId", member, "externalVisitId",
                        "visit-" + UUID.randomUUID(), "branch", "no-such-branch"))
                .when().post("/api/visits").then().statusCode(400).body("errors[0].field", equalTo("branch"));
        given().contentType(ContentType.JSON).body(Map.of("branch", "no-such-branch"))
                .when().patch("/api/members/" + member).then().statusCode(400).body("errors[0].field", equalTo("branch"));
        given().get("/api/members/" + member).then().statusCode(200).body("branch", equalTo("shanghai-jingan"))
                .body("netSpendFen", equalTo(0)).body("lastVisitAt", equalTo(null));

        given().contentType(ContentType.JSON).body(Map.of("name", "Till", "branches",
                        List.of("shanghai-jingan", "no-such-branch", "nor-this"), "requestsPerMinute", 60))
                .when().post("/api/partner-keys").then().statusCode(400)
                .body("errors[0].field", equalTo("branches"))
                .body("errors[0].message", containsString("unknown branches no-such-branch, nor-this"));

        given().get("/api/members?branch=no-such-branch").then().statusCode(400).body("errors[0].field", equalTo("branch"));
        given().get("/api/follow-ups?branch=no-such-branch").then().statusCode(400).body("errors[0].field", equalTo("branch"));
    }

    @Test
    void a_closed_branch_takes_no_new_members_but_keeps_its_history_and_its_tills() {
        String id = TestBranches.open(uniqueId());
        String member = register(id, TestMembers.uniqueMainlandPhone()).statusCode(201).extract().path("id");
        saveBranch(id, Map.of("nameZh", "已关闭", "nameEn", "Closed", "active", false)).statusCode(200)
                .body("active", equalTo(false));

        register(id, TestMembers.uniqueMainlandPhone()).statusCode(400)
                .body("errors[0].field", equalTo("branch")).body("errors[0].message", equalTo("branch " + id + " is closed"));
        given().get("/api/branches").then().body("id", not(hasItem(id)));
        given().get("/api/branches?includeClosed=true").then().body("id", hasItem(id));
        // a till's late records from the branch are still real revenue
        given().contentType(ContentType.JSON).body(Map.of("memberId", member, "externalTransactionId",
                        "till-" + UUID.randomUUID(), "amountFen", 10_000, "branch", id))
                .when().post("/api/purchases").then().statusCode(201);
        given().get("/api/members?branch=" + id).then().statusCode(200).body("items.id", hasItem(member));
    }

    @Test
    void only_operators_change_the_directory_and_bad_details_are_field_errors() {
        String id = uniqueId();
        Map<String, Object> valid = Map.of("nameZh", "成都店", "nameEn", "Chengdu");
        given().header("Authorization", "Bearer " + TestIdentity.member(UUID.randomUUID()))
                .contentType(ContentType.JSON).body(valid).when().put("/api/branches/" + id).then().statusCode(403);
        given().header("Authorization", "Bearer " + TestIdentity.partner(UUID.randomUUID().toString(),
                        Set.of(id), null))
                .contentType(ContentType.JSON).body(valid).when().put("/api/branches/" + id).then().statusCode(403);
        // the anonymous caller (a visitor on the share page) reads the public list, not the audit fields
        given().header("Authorization", "Bearer " + TestIdentity.anonymous())
                .when().get("/api/branches/" + id).then().statusCode(403);

        saveBranch(id, Map.of("nameZh", " ", "nameEn", "x".repeat(101))).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("nameZh", "nameEn"));
        saveBranch("no,commas", valid).statusCode(400).body("errors[0].message", containsString("letters, digits"));
        given().get("/api/branches/" + id).then().statusCode(404);
    }
}
