package io.kinlink.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.kinlink.testsupport.KinlinkInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;

/** One rule for bodies in every service: JSON that says so, in UTF-8, uncompressed; anything else is a 415 problem. */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class JsonBodiesTest {

    private static final byte[] BODY = "{\"name\":\"Ann\"}".getBytes(StandardCharsets.UTF_8);
    /** REST Assured as a raw client: no charset added to the content type, nothing guessed. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @Test
    void json_that_says_so_is_read_with_or_without_utf_8_named() {
        given().config(RAW).header("Content-Type", "application/json").body(BODY).post("/probe/json-echo")
                .then().statusCode(200).body("name", equalTo("Ann"));
        given().config(RAW).header("Content-Type", "application/json; charset=UTF-8").body(BODY)
                .post("/probe/json-echo").then().statusCode(200).body("name", equalTo("Ann"));
    }

    @Test
    void a_body_without_a_content_type_is_refused() throws Exception {
        // java.net.http sends no Content-Type unless told (REST Assured would add one)
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/probe/json-echo"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(BODY)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, answer.statusCode());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        assertTrue(answer.body().contains("urn:kinlink:problem:content-type-required"), answer.body());
    }

    @Test
    void a_bogus_charset_is_refused() {
        given().config(RAW).header("Content-Type", "application/json; charset=klingon").body(BODY)
                .post("/probe/json-echo").then().statusCode(415)
                .body("type", equalTo("urn:kinlink:problem:charset-not-accepted"));
        given().config(RAW).header("Content-Type", "application/json; charset=ISO-8859-1").body(BODY)
                .post("/probe/json-echo").then().statusCode(415);
    }

    @Test
    void a_plain_body_labelled_gzip_is_refused() {
        given().config(RAW).header("Content-Type", "application/json").header("Content-Encoding", "gzip").body(BODY)
                .post("/probe/json-echo").then().statusCode(415)
                .body("type", equalTo("urn:kinlink:problem:content-encoding-not-accepted"));
    }

    @Test
    void another_media_type_is_refused_by_the_resource() {
        given().config(RAW).header("Content-Type", "text/plain").body(BODY).post("/probe/json-echo")
                .then().statusCode(415).contentType("application/problem+json");
    }
}
