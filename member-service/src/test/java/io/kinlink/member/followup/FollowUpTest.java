package io.kinlink.member.followup;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.kinlink.events.ReferralQualified;
import io.kinlink.events.Topics;
import io.kinlink.member.TestBranches;
import io.kinlink.member.TestMembers;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TopicPublisher;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Follow-up calls (回访): each trigger makes one task for the member's branch, a retry or a
 * replay none more; staff list them by branch and close them with an outcome.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "member"))
class FollowUpTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static String register(String branch, String referralCode) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Test Member", "phone", TestMembers.uniqueMainlandPhone(),
                "branch", branch, "marketingConsent", false, "privacyNoticeVersion", 1));
        if (referralCode != null) {
            body.put("referralCode", referralCode);
        }
        return given().contentType(ContentType.JSON).body(body).when().post("/api/members").then().statusCode(201)
                .extract().path("id");
    }

    private static void visit(String member, String branch) {
        given().contentType(ContentType.JSON).body(Map.of("memberId", member, "externalVisitId",
                "visit-" + UUID.randomUUID(), "branch", branch)).when().post("/api/visits").then().statusCode(201);
    }

    private static List<String> triggers(String branch) {
        return given().get("/api/follow-ups?branch=" + branch + "&size=200").then().statusCode(200)
                .extract().path("followUps.trigger");
    }

    @Test
    void each_trigger_makes_one_follow_up_for_the_members_branch_and_a_replay_none_more() {
        String branch = TestBranches.open("fu-" + UUID.randomUUID().toString().substring(0, 8));
        String referred = register(branch, "ABCD234");
        visit(referred, branch);
        visit(referred, branch); // a second visit is no first visit

        String buyer = register(branch, null);
        String purchase = given().contentType(ContentType.JSON).body(Map.of("memberId", buyer, "externalTransactionId",
                        "till-" + UUID.randomUUID(), "amountFen", 80_000, "branch", branch))
                .when().post("/api/purchases").then().statusCode(201).extract().path("id");
        Map<String, Object> refund = Map.of("purchaseId", purchase, "externalRefundId", "refund-" + UUID.randomUUID(),
                "amountFen", 20_000);
        given().contentType(ContentType.JSON).body(refund).when().post("/api/refunds").then().statusCode(201);
        given().contentType(ContentType.JSON).body(refund).when().post("/api/refunds").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("memberId", buyer, "purchaseId", purchase, "score", 2))
                .when().post("/api/satisfaction").then().statusCode(201);

        UUID referrer = UUID.fromString(register(branch, null));
        EventEnvelope qualified = new EventEnvelope(UUID.randomUUID(), "ReferralQualified", 1, Instant.now(),
                referrer.toString(), MAPPER.valueToTree(new ReferralQualified(UUID.randomUUID(), referrer,
                UUID.randomUUID(), UUID.randomUUID(), 60_000, Instant.now())));
        TopicPublisher.publish(Topics.REFERRAL_EVENTS, referrer.toString(), qualified.toJson(MAPPER));
        TopicPublisher.publish(Topics.REFERRAL_EVENTS, referrer.toString(), qualified.toJson(MAPPER));

        await().atMost(Duration.ofSeconds(20)).until(() -> triggers(branch).contains("REFERRAL_QUALIFIED"));
        given().get("/api/follow-ups?branch=" + branch + "&size=200").then()
                .body("followUps.trigger", containsInAnyOrder("REFERRED_FIRST_VISIT", "REFUND", "LOW_SATISFACTION",
                        "REFERRAL_QUALIFIED"))
                .body("followUps.branch", everyItem(equalTo(branch)))
                .body("followUps.status", everyItem(equalTo("OPEN")))
                .body("overdue", equalTo(0))
                .body("followUps.find { it.trigger == 'REFERRAL_QUALIFIED' }.memberId", equalTo(referrer.toString()))
                .body("followUps.find { it.trigger == 'REFERRED_FIRST_VISIT' }.memberId", equalTo(referred));
    }

    @Test
    void staff_close_a_follow_up_with_its_outcome_once() {
        String branch = TestBranches.open("fu-" + UUID.randomUUID().toString().substring(0, 8));
        String member = register(branch, "WXYZ234");
        visit(member, branch);
        String id = given().get("/api/follow-ups?branch=" + branch + "&status=OPEN").then().statusCode(200)
                .body("followUps", hasSize(1)).extract().path("followUps[0].id");

        given().contentType(ContentType.JSON).body(Map.of("outcome", "REACHED", "note", "Thanked; books a facial"))
                .when().post("/api/follow-ups/" + id + "/close").then().statusCode(200)
                .body("status", equalTo("DONE")).body("outcome", equalTo("REACHED"))
                .body("closedBy", notNullValue());
        given().contentType(ContentType.JSON).body(Map.of("outcome", "NO_ANSWER"))
                .when().post("/api/follow-ups/" + id + "/close").then().statusCode(409);
        given().get("/api/follow-ups?branch=" + branch + "&status=OPEN").then().body("followUps", hasSize(0));
        given().contentType(ContentType.JSON).body(Map.of("outcome", "MAYBE"))
                .when().post("/api/follow-ups/" + id + "/close").then().statusCode(400);
        given().get("/api/follow-ups?status=LATER").then().statusCode(400);
    }
}
