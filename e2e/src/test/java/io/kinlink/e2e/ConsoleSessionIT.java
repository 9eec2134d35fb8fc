package io.kinlink.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The console's login as the browser holds it: an HttpOnly, SameSite=Strict cookie the API takes
 * only with the console's header, renewed while the operator works (here on every call: the e2e
 * gateway renews tokens with under 15 minutes left), never past the login's session limit.
 */
class ConsoleSessionIT {

    @BeforeAll
    static void platform() {
        RestAssured.baseURI = RunningPlatform.gatewayUrl();
        RestAssured.requestSpecification = null; // the cookie is the only credential here
    }

    @Test
    void the_cookie_needs_the_consoles_header_and_is_renewed_as_the_operator_works() {
        String[] administrator = RunningPlatform.administrator();
        Response login = given().contentType(ContentType.JSON)
                .body(Map.of("username", administrator[0], "password", administrator[1]))
                .post("/console/session");
        assertEquals(200, login.statusCode());
        String setCookie = login.getHeader("Set-Cookie");
        assertTrue(setCookie.contains("HTTPOnly") || setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict") && setCookie.contains("Secure"), setCookie);
        String first = cookieValue(setCookie);

        // a cross-site form could send the cookie, never the header: without it the cookie counts for nothing
        given().header("Cookie", "kinlink_console=" + first).get("/api/kpis").then().statusCode(401);

        Response working = given().header("Cookie", "kinlink_console=" + first).header("X-Kinlink-Console", "1")
                .get("/api/kpis");
        assertEquals(200, working.statusCode());
        String renewedCookie = working.getHeader("Set-Cookie");
        assertNotNull(renewedCookie, "the token was renewed");
        String renewed = cookieValue(renewedCookie);
        assertNotEquals(first, renewed);
        assertEquals(claims(first).path("sub").asText(), claims(renewed).path("sub").asText());
        assertEquals(claims(first).path("auth_time").asLong(), claims(renewed).path("auth_time").asLong(),
                "renewing keeps the login time, so the session limit holds");
        given().header("Cookie", "kinlink_console=" + renewed).get("/console/session").then().statusCode(200);

        // a forged cookie renews nothing and reaches nothing
        String[] parts = renewed.split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims(renewed).put("name", "someone-else").toString().getBytes())
                + "." + parts[2];
        Response refused = given().header("Cookie", "kinlink_console=" + forged).header("X-Kinlink-Console", "1")
                .get("/api/kpis");
        assertEquals(401, refused.statusCode());
        assertEquals(null, refused.getHeader("Set-Cookie"));

        Response logout = given().header("Cookie", "kinlink_console=" + renewed).delete("/console/session");
        assertEquals(204, logout.statusCode());
        assertTrue(logout.getHeader("Set-Cookie").contains("Max-Age=0"), logout.getHeader("Set-Cookie"));
    }

    private static String cookieValue(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        return pair.substring(pair.indexOf('=') + 1);
    }

    private static ObjectNode claims(String token) {
        try {
            return (ObjectNode) new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
