package io.kinlink.member.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kinlink.member.TestMembers;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "member"))
class ProfileTest {

    @Test
    void a_profile_update_changes_only_the_fields_given_and_withdrawing_consent_clears_its_time() {
        String member = TestMembers.register();
        given().contentType(ContentType.JSON).body(Map.of("name", "Lin Mei", "marketingConsent", false))
                .when().patch("/api/members/" + member)
                .then().statusCode(200)
                .body("name", equalTo("Lin Mei"))
                .body("branch", equalTo("shanghai-jingan"))
                .body("marketingConsent", equalTo(false))
                .body("consentGivenAt", nullValue());
    }

    @Test
    void needs_tags_replace_the_ones_before_and_unknown_tags_are_refused() {
        String member = TestMembers.register();
        given().contentType(ContentType.JSON).body(Map.of("tags", List.of("nose", "laser")))
                .when().put("/api/members/" + member + "/needs-tags")
                .then().statusCode(200).body("needsTags", equalTo(List.of("laser", "nose")));
        given().contentType(ContentType.JSON).body(Map.of("tags", List.of("eyes", "time-travel")))
                .when().put("/api/members/" + member + "/needs-tags")
                .then().statusCode(400).body("errors[0].field", equalTo("tags"));
        given().get("/api/members/" + member).then().body("needsTags", equalTo(List.of("laser", "nose")));
    }

    @Test
    void a_suspended_member_cannot_have_activity_recorded_until_reinstated() {
        String member = TestMembers.register();
        given().post("/api/members/" + member + "/suspension").then().statusCode(200)
                .body("status", equalTo("SUSPENDED"));
        Map<String, Object> purchase = Map.of("memberId", member, "externalTransactionId",
                "till-" + UUID.randomUUID(), "amountFen", 10_000, "branch", "shanghai-jingan");
        given().contentType(ContentType.JSON).body(purchase).when().post("/api/purchases").then().statusCode(422)
                .body("type", equalTo("urn:kinlink:problem:member-not-active"));
        given().delete("/api/members/" + member + "/suspension").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        given().contentType(ContentType.JSON).body(purchase).when().post("/api/purchases").then().statusCode(201);
    }

    @Test
    void erasure_removes_personal_data_but_keeps_the_member_and_its_history() {
        String phone = TestMembers.uniqueMainlandPhone();
        String member = TestMembers.register(phone);
        given().contentType(ContentType.JSON).body(Map.of("memberId", member, "externalTransactionId",
                        "till-" + UUID.randomUUID(), "amountFen", 1_500_000, "branch", "shanghai-jingan"))
                .when().post("/api/purchases").then().statusCode(201);

        given().post("/api/members/" + member + "/erasure").then().statusCode(200)
                .body("status", equalTo("ERASED"))
                .body("name", equalTo("erased"))
                .body("phone", nullValue());
        given().get("/api/members/" + member).then().statusCode(200)
                .body("status", equalTo("ERASED"))
                .body("netSpendFen", equalTo(1_500_000))
                .body("tier", equalTo("NORMAL"));
        given().contentType(ContentType.JSON).body(Map.of("name", "Back"))
                .when().patch("/api/members/" + member).then().statusCode(422);
        // the number is free again: the person may come back as a new member
        TestMembers.register(phone);
    }
}
