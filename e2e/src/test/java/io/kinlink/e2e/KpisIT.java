package io.kinlink.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * The five KPIs through the gateway: one answer from two services (the scripted numbers are the
 * services' KpiScenarioTest and IncentiveKpisTest), agreeing with the budget operators watch.
 */
class KpisIT {

    private static final List<String> FIVE = List.of("REFERRAL_RATE", "REFERRAL_CONVERSION", "REFERRED_RETENTION",
            "INCENTIVE_SHARE", "REFERRAL_ACQUISITION_COST");

    @BeforeAll
    static void platform() {
        RestAssured.baseURI = RunningPlatform.gatewayUrl();
        RestAssured.requestSpecification = RunningPlatform.asOperator();
    }

    @Test
    void an_operator_reads_the_five_kpis_of_a_year_for_a_branch_in_one_answer() {
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        JsonPath report = given().get("/api/kpis?period=" + now + "&months=12&branch=shanghai-jingan").then()
                .statusCode(200).body("branch", equalTo("shanghai-jingan")).body("months", hasSize(12))
                .extract().jsonPath();
        assertEquals(now.minusMonths(11).toString(), report.getString("months[0].period"));
        for (int month = 0; month < 12; month++) {
            assertEquals(FIVE, report.getList("months[" + month + "].kpis.id"));
        }
        assertEquals(List.of("BRANCH", "BRANCH", "BRANCH", "GROUP", "GROUP"), report.getList("months[11].kpis.scope"));

        // incentive spend and revenue are the budget's (read together: earlier tests' purchases may still arrive)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath budget = given().get("/api/rewards/budget?period=" + now).then().statusCode(200)
                    .extract().jsonPath();
            JsonPath share = given().get("/api/kpis").then().statusCode(200).extract().jsonPath();
            assertEquals(budget.getLong("revenueFen"),
                    share.getLong("months[0].kpis.find { it.id == 'INCENTIVE_SHARE' }.denominator"));
            assertEquals(budget.getLong("spentFen"),
                    share.getLong("months[0].kpis.find { it.id == 'INCENTIVE_SHARE' }.numerator"));
        });
    }

    @Test
    void a_bad_query_is_the_services_field_error() {
        given().get("/api/kpis?branch=nowhere").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("branch"));
        given().get("/api/kpis?months=99").then().statusCode(400).body("errors[0].field", equalTo("months"));
    }
}
