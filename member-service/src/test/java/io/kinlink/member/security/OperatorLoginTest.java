package io.kinlink.member.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TestIdentity;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;

/** Operators log in for a short-lived token with their roles; the first administrator comes from configuration. */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "member"))
class OperatorLoginTest {

    private static String publicCaller() {
        return "Bearer " + TestIdentity.token("anonymous", "anonymous", Set.of("public"), Duration.ofMinutes(5));
    }

    private static ValidatableResponse login(String username, String password) {
        return given().header("Authorization", publicCaller()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/auth/operator-token").then();
    }

    @Test
    void the_bootstrapped_administrator_logs_in_for_a_token_with_their_roles() {
        String token = login("admin", TestIdentity.adminPassword()).statusCode(200)
                .body("tokenType", equalTo("Bearer")).body("expiresIn", equalTo(900))
                .extract().path("accessToken");
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1])));
        assertEquals("kinlink-auth", claims.getString("iss"));
        assertEquals("kinlink-gateway", claims.getString("aud"));
        assertEquals("operator", claims.getString("kind"));
        assertTrue(claims.getJsonArray("groups").getList().containsAll(List.of("admin", "operator")));
        assertEquals("RS256", new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0])))
                .getString("alg"));
    }

    @Test
    void the_gateway_renews_a_working_operators_token_within_the_session_limit_and_never_beyond() {
        String token = login("admin", TestIdentity.adminPassword()).statusCode(200).extract().path("accessToken");
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1])));
        Instant loggedInAt = Instant.ofEpochSecond(claims.getLong("auth_time"));
        String operator = claims.getString("sub");

        String renewed = renewal(TestIdentity.gateway(), operator, loggedInAt).statusCode(200)
                .body("expiresIn", equalTo(900)).extract().path("accessToken");
        JsonObject renewedClaims = new JsonObject(new String(Base64.getUrlDecoder().decode(renewed.split("\\.")[1])));
        assertEquals(operator, renewedClaims.getString("sub"));
        assertEquals("admin", renewedClaims.getString("name"));
        assertEquals(loggedInAt.getEpochSecond(), renewedClaims.getLong("auth_time"), "renewing keeps the login time");

        renewal(TestIdentity.gateway(), operator, Instant.now().minus(Duration.ofHours(10))).statusCode(401)
                .body("type", equalTo("urn:kinlink:problem:session-ended"));
        renewal(TestIdentity.gateway(), UUID.randomUUID().toString(), loggedInAt).statusCode(401);
        // only the gateway renews: an operator cannot extend their own session
        renewal(TestIdentity.member(UUID.randomUUID()), operator, loggedInAt).statusCode(403);
    }

    private static ValidatableResponse renewal(String identity, String operator, Instant loggedInAt) {
        return given().header("Authorization", "Bearer " + identity).contentType(ContentType.JSON)
                .body(Map.of("operatorId", operator, "loggedInAt", loggedInAt.toString()))
                .post("/internal/operator-tokens/renewal").then();
    }

    @Test
    void a_wrong_password_and_an_unknown_name_get_the_same_401_problem() {
        login("admin", "not-the-password").statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:kinlink:problem:login-refused"))
                .body("detail", equalTo("The name or password is wrong"));
        login("nobody-" + System.nanoTime(), "whatever-it-is").statusCode(401)
                .body("detail", equalTo("The name or password is wrong"));
    }

    @Test
    void an_administrator_adds_operators_who_can_log_in_and_the_public_may_not_add_any() {
        String name = "ops-" + System.nanoTime();
        Map<String, Object> operator = Map.of("username", name, "password", "a-long-enough-secret", "roles",
                List.of("operator"));
        given().contentType(ContentType.JSON).body(operator).post("/api/auth/operators").then().statusCode(201);
        given().contentType(ContentType.JSON).body(operator).post("/api/auth/operators").then().statusCode(409);
        login(name, "a-long-enough-secret").statusCode(200);
        given().header("Authorization", publicCaller()).contentType(ContentType.JSON)
                .body(Map.of("username", name + "x", "password", "a-long-enough-secret", "roles", List.of("admin")))
                .post("/api/auth/operators").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("username", "x", "password", "short", "roles", List.of("root")))
                .post("/api/auth/operators").then().statusCode(400)
                .body("errors.field", equalTo(List.of("password", "roles[0].<list element>", "username")));
    }

    @Test
    void the_public_cannot_read_the_operators_member_directory() {
        given().header("Authorization", publicCaller()).get("/api/members").then().statusCode(403);
        given().get("/api/members?size=1").then().statusCode(200);
    }
}
