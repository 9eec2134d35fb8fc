package io.kinlink.member.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TestIdentity;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;

/** Operators log in for a short-lived token with their roles; the first administrator comes from configuration. */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "member"))
class OperatorLoginTest {

    @Inject
    DataSource dataSource;

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
    void a_password_hashed_at_an_older_work_factor_is_hashed_anew_at_the_next_login() throws Exception {
        String name = "ops-old-" + System.nanoTime();
        given().contentType(ContentType.JSON).body(Map.of("username", name, "password", "an-old-but-good-secret",
                "roles", List.of("operator"))).post("/api/auth/operators").then().statusCode(201);
        assertTrue(storedHashOf(name).startsWith("pbkdf2$600000$"), "new accounts at OWASP's 600,000 iterations");
        byte[] salt = "sixteen-byte-slt".getBytes(StandardCharsets.US_ASCII);
        byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("an-old-but-good-secret".toCharArray(), salt, 210_000, 256)).getEncoded();
        String old = "pbkdf2$210000$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derived);
        execute("update operator_account set password_hash = ? where username = ?", old, name);

        login(name, "a-wrong-secret").statusCode(401);
        assertEquals(old, storedHashOf(name), "a refused login changes nothing");
        login(name, "an-old-but-good-secret").statusCode(200);
        String upgraded = storedHashOf(name);
        assertTrue(upgraded.startsWith("pbkdf2$600000$"), upgraded);
        assertTrue(!upgraded.contains(Base64.getEncoder().encodeToString(salt)), "with a salt of its own");
        login(name, "an-old-but-good-secret").statusCode(200);
        assertEquals(upgraded, storedHashOf(name), "a current hash is left as it is");
    }

    private String storedHashOf(String username) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select password_hash from operator_account where username = ?")) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private void execute(String sql, String... values) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                update.setString(i + 1, values[i]);
            }
            update.executeUpdate();
        }
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
