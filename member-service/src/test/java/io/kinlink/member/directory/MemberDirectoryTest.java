package io.kinlink.member.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kinlink.member.TestBranches;
import io.kinlink.member.TestMembers;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Four members of a branch of their own, so other tests' members never show up in the results. */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "member"))
class MemberDirectoryTest {

    static final String BRANCH = "directory-" + UUID.randomUUID().toString().substring(0, 8);
    static String strategic;
    static String profit;
    static String ordinary;
    static String churned;

    private static String register() {
        return given().contentType(ContentType.JSON).body(Map.of("name", "Member", "phone",
                        TestMembers.uniqueMainlandPhone(), "branch", BRANCH, "marketingConsent", true, "privacyNoticeVersion", 1))
                .when().post("/api/members").then().statusCode(201).extract().path("id");
    }

    private static void purchase(String member, long amountFen, Instant at) {
        given().contentType(ContentType.JSON).body(Map.of("memberId", member, "externalTransactionId",
                        "till-" + UUID.randomUUID(), "amountFen", amountFen, "branch", BRANCH, "occurredAt", at.toString()))
                .when().post("/api/purchases").then().statusCode(201);
    }

    private static Instant daysAgo(int days) {
        return Instant.now().minus(days, ChronoUnit.DAYS);
    }

    @BeforeEach
    void members() {
        if (strategic != null) {
            return;
        }
        TestBranches.open(BRANCH);
        strategic = register();
        purchase(strategic, 12_000_000, daysAgo(10));
        given().contentType(ContentType.JSON).body(Map.of("tags", List.of("laser")))
                .when().put("/api/members/" + strategic + "/needs-tags").then().statusCode(200);
        profit = register();
        purchase(profit, 4_000_000, daysAgo(5));
        ordinary = register();
        churned = register();
        purchase(churned, 100_000, daysAgo(200));
        given().contentType(ContentType.JSON).body(Map.of("memberId", churned, "externalVisitId",
                        "visit-" + UUID.randomUUID(), "branch", BRANCH, "occurredAt", daysAgo(200).toString()))
                .when().post("/api/visits").then().statusCode(201);
    }

    private static List<String> ids(String query) {
        return given().get("/api/members?branch=" + BRANCH + query).then().statusCode(200).extract().path("items.id");
    }

    @Test
    void segments_follow_the_current_membership_year() {
        assertEquals(List.of(strategic), ids("&valueSegment=STRATEGIC"));
        assertEquals(List.of(profit), ids("&valueSegment=PROFIT"));
        assertEquals(List.of(churned), ids("&behaviour=CHURNED"));
        assertEquals(List.of(strategic), ids("&behaviour=HIGH_VALUE"));
        given().get("/api/members?branch=" + BRANCH + "&valueSegment=STRATEGIC").then()
                .body("items[0].behaviours", equalTo(List.of("ACTIVE", "HIGH_VALUE")))
                .body("items[0].yearSpendFen", equalTo(12_000_000))
                .body("items[0].tier", equalTo("GOLD"));
        given().get("/api/members?branch=" + BRANCH + "&behaviour=CHURNED").then()
                .body("items[0].valueSegment", equalTo("ORDINARY"));
    }

    @Test
    void filters_combine_tier_needs_tag_and_year_spend() {
        assertEquals(List.of(strategic), ids("&needsTag=laser"));
        assertEquals(List.of(profit), ids("&tier=SILVER"));
        assertEquals(List.of(strategic, profit), ids("&minYearSpendFen=1000000&sort=yearSpend,desc"));
        assertEquals(List.of(churned), ids("&lastVisitBefore=" + daysAgo(100)));
    }

    @Test
    void results_are_sorted_and_paged_with_the_total() {
        assertEquals(List.of(strategic, profit, churned, ordinary), ids("&sort=yearSpend,desc"));
        given().get("/api/members?branch=" + BRANCH + "&sort=yearSpend,desc&page=1&size=2").then()
                .body("total", equalTo(4))
                .body("items.id", equalTo(List.of(churned, ordinary)));
        given().get("/api/members?branch=" + BRANCH + "&sort=password,desc").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        given().get("/api/members?branch=" + BRANCH + "&size=1000").then().statusCode(400);
    }

    @Test
    void the_csv_export_lists_every_match_with_phones_masked() {
        String csv = given().accept("text/csv").get("/api/members?branch=" + BRANCH + "&sort=yearSpend,desc")
                .then().statusCode(200)
                .header("Content-Disposition", containsString("members.csv"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(5, lines.length, "a header and four members");
        assertTrue(lines[0].startsWith("\"id\",\"name\",\"phone\",\"branch\",\"tier\""), lines[0]);
        assertTrue(lines[1].startsWith("\"" + strategic + "\""));
        assertTrue(lines[1].matches(".*\"139\\*{4}\\d{4}\".*"), "phone masked: " + lines[1]);
        assertTrue(lines[1].contains("\"STRATEGIC\""));
    }
}
