package io.kinlink.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.kinlink.testsupport.KinlinkInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class DatabaseDownAnswerTest {

    @Test
    void a_request_that_cannot_reach_the_database_is_told_to_retry_not_that_we_failed() {
        given().get("/probe/database-down").then().statusCode(503).header("Retry-After", "5")
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kinlink:problem:service-unavailable"))
                .body("status", equalTo(503));
    }
}
