package io.kinlink.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

/** One OpenAPI document for the whole public API, from the running services, and a UI on it. */
class OpenApiIT {

    @BeforeAll
    static void platform() {
        RestAssured.baseURI = RunningPlatform.gatewayUrl();
    }

    @Test
    void the_gateway_serves_one_document_with_every_services_public_paths_and_a_ui() {
        given().get("/openapi.json").then().statusCode(200)
                .body("info.title", equalTo("Kinlink API"))
                .body("info.description", not(containsString("Not included")))
                .body("paths", hasKey("/api/members"))
                .body("paths", hasKey("/api/purchases"))
                .body("paths", hasKey("/r/{code}"))
                .body("paths", hasKey("/api/referrals/funnel"))
                .body("paths", hasKey("/api/kpis")) // the gateway's own, put together from two services
                .body("paths", hasKey("/api/members/{memberId}/rewards/balance"))
                .body("paths", hasKey("/api/rewards/rules/{ruleId}/versions"))
                .body("paths", not(hasKey("/q/health")));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
