package io.kinlink.testsupport;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A table of who may call what: each expectation is one call by one caller, and every mismatch is
 * collected, so one failing run lists all the calls that answered otherwise.
 */
public final class AccessMatrix {

    private final Map<String, Integer> mismatches = new LinkedHashMap<>();

    /** A call by the caller the gateway would forward with this token. */
    public void expectAs(String who, String forwardedToken, String method, String path, Object body, int status) {
        expect(who, Map.of("Authorization", "Bearer " + forwardedToken), method, path, body, status);
    }

    /** A call with these headers (none: a stranger). */
    public void expect(String who, Map<String, String> headers, String method, String path, Object body, int status) {
        RequestSpecification request = given().headers(headers);
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        int actual = request.request(method, path).then().extract().statusCode();
        if (actual != status) {
            mismatches.put(who + " " + method + " " + path + " expected " + status, actual);
        }
    }

    public void assertAllAsExpected() {
        if (!mismatches.isEmpty()) {
            throw new AssertionError("calls that answered otherwise (expected status = actual): " + mismatches);
        }
    }
}
