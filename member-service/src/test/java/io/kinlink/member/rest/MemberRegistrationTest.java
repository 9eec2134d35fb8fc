package io.kinlink.member.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import io.kinlink.events.Topics;
import io.kinlink.member.TestMembers;
import io.kinlink.testsupport.Infrastructure;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "member"))
class MemberRegistrationTest {

    @Test
    void registering_returns_the_member_with_the_phone_masked_and_publishes_member_registered() {
        String phone = TestMembers.uniqueMainlandPhone();
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("name", "王小美", "phone", phone, "branch", "shanghai-jingan",
                        "marketingConsent", true, "privacyNoticeVersion", 1, "referralCode", "abc234", "deviceId", "device-1"))
                .when().post("/api/members")
                .then().statusCode(201)
                .header("Location", containsString("/api/members/"))
                .body("name", equalTo("王小美"))
                .body("phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)))
                .body("channel", equalTo("APP"))
                .body("consentGivenAt", notNullValue())
                .body("status", equalTo("ACTIVE"))
                .extract().path("id");

        try (TopicProbe probe = new TopicProbe(Infrastructure.shared().kafkaBootstrapServers(), Topics.MEMBER_EVENTS)) {
            var records = probe.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(20), Duration.ofMillis(500));
            assertEquals(1, records.size(), "one MemberRegistered event for the member");
            String event = records.get(0).value();
            Assertions.assertAll(
                    () -> Assertions.assertTrue(event.contains("\"type\":\"MemberRegistered\"")),
                    () -> Assertions.assertTrue(event.contains("\"referralCode\":\"ABC234\"")),
                    () -> Assertions.assertTrue(event.contains("\"maskedName\":\"王**\"")),
                    () -> Assertions.assertFalse(event.contains(phone.substring(3)),
                            "the event carries no readable phone number"));
        }
    }

    @Test
    void a_phone_registered_before_is_a_conflict_even_written_differently() {
        String phone = TestMembers.uniqueMainlandPhone();
        TestMembers.register(phone);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Second", "phone", "+86 " + phone.substring(0, 3) + " " + phone.substring(3),
                        "branch", "beijing", "marketingConsent", false, "privacyNoticeVersion", 1))
                .when().post("/api/members")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kinlink:problem:phone-already-registered"))
                .body("status", equalTo(409));
    }

    @Test
    void the_same_phone_registered_several_times_at_once_becomes_one_member_and_conflicts() throws Exception {
        String phone = TestMembers.uniqueMainlandPhone();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return given().contentType(ContentType.JSON)
                        .body(Map.of("name", "Racer", "phone", phone, "branch", "beijing", "marketingConsent", false, "privacyNoticeVersion", 1))
                        .post("/api/members").statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (var attempt : attempts) {
            statuses.add(attempt.get());
        }
        statuses.sort(Integer::compare);
        assertEquals(List.of(201, 409, 409, 409), statuses);
    }

    @Test
    void an_invalid_registration_lists_every_bad_field_and_stores_nothing() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", " ", "phone", "12345", "branch", "x", "referralCode", "no!"))
                .when().post("/api/members")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid request"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("marketingConsent"))
                .body("errors.field", hasItem("referralCode"));
    }

    @Test
    void an_unreadable_phone_number_is_a_field_error() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Li", "phone", "12345", "branch", "shanghai-jingan", "marketingConsent", true, "privacyNoticeVersion", 1))
                .when().post("/api/members")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("phone"));
    }

    @Test
    void malformed_json_is_a_problem_without_internals() {
        given().contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/api/members")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The request body is not valid JSON of the expected shape"))
                .body("stackTrace", nullValue());
    }

    @Test
    void an_unknown_member_is_a_404_problem() {
        given().when().get("/api/members/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kinlink:problem:member-not-found"));
    }
}
