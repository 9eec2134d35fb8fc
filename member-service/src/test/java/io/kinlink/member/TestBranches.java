package io.kinlink.member;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;

/**
 * Branches of a test's own, added to the directory as an operator would; the test profile's
 * configured branches (shanghai-jingan and the others) exist from the start.
 */
public final class TestBranches {

    private TestBranches() {
    }

    /** Adds (or reopens) the branch and returns its id. */
    public static String open(String id) {
        given().contentType(ContentType.JSON)
                .body(Map.of("nameZh", "测试门店 " + id, "nameEn", "Test branch " + id, "city", "上海"))
                .when().put("/api/branches/" + id)
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        return id;
    }
}
