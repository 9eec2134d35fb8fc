package io.kinlink.member.standards;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.kinlink.events.ReferralQualified;
import io.kinlink.events.ReferralReversed;
import io.kinlink.events.Topics;
import io.kinlink.member.TestMembers;
import io.kinlink.platform.event.DomainEvent;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TopicPublisher;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "member"))
class GoldStandardsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static String purchase(String member, long amountFen, String at, String... categories) {
        Map<String, Object> body = new HashMap<>(Map.of("memberId", member, "externalTransactionId",
                "till-" + UUID.randomUUID(), "amountFen", amountFen, "branch", "shanghai-jingan", "occurredAt", at));
        if (categories.length > 0) {
            long share = amountFen / categories.length;
            body.put("items", Arrays.stream(categories).map(c -> Map.of("category", c, "amountFen",
                    c.equals(categories[0]) ? amountFen - share * (categories.length - 1) : share)).toList());
        }
        return given().contentType(ContentType.JSON).body(body).when().post("/api/purchases")
                .then().statusCode(201).extract().path("id");
    }

    private static void referralEvent(UUID referrer, DomainEvent event) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), event.eventType(), 1, Instant.now(),
                referrer.toString(), MAPPER.valueToTree(event));
        TopicPublisher.publish(Topics.REFERRAL_EVENTS, referrer.toString(), envelope.toJson(MAPPER));
    }

    @Test
    void each_membership_year_counts_spend_categories_visits_referrals_and_satisfaction_on_its_own() {
        String member = TestMembers.register();
        // first purchase at noon on 1 May 2024 in Shanghai: years turn at midnight of each 1 May there
        String first = purchase(member, 300_000, "2024-05-01T04:00:00Z", "nose", "laser");
        purchase(member, 100_000, "2025-04-30T15:59:59Z", "laser");          // 23:59:59 on 30 April: year 1
        purchase(member, 200_000, "2025-04-30T16:00:00Z", "eyes");           // midnight, 1 May 2025: year 2
        given().contentType(ContentType.JSON).body(Map.of("purchaseId", first, "externalRefundId",
                "refund-" + UUID.randomUUID(), "amountFen", 50_000, "occurredAt", "2024-06-01T00:00:00Z"))
                .when().post("/api/refunds").then().statusCode(201);
        String visit = given().contentType(ContentType.JSON).body(Map.of("memberId", member, "externalVisitId",
                        "visit-" + UUID.randomUUID(), "branch", "shanghai-jingan", "occurredAt", "2024-07-01T02:00:00Z"))
                .when().post("/api/visits").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("memberId", member, "purchaseId", first, "score", 4))
                .when().post("/api/satisfaction").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("memberId", member, "visitId", visit, "score", 5))
                .when().post("/api/satisfaction").then().statusCode(201);

        UUID referrer = UUID.fromString(member);
        UUID counted = UUID.randomUUID();
        UUID reversed = UUID.randomUUID();
        referralEvent(referrer, new ReferralQualified(counted, referrer, UUID.randomUUID(), UUID.randomUUID(), 60_000,
                Instant.parse("2025-06-01T00:00:00Z")));
        referralEvent(referrer, new ReferralQualified(reversed, referrer, UUID.randomUUID(), UUID.randomUUID(), 60_000,
                Instant.parse("2025-07-01T00:00:00Z")));
        referralEvent(referrer, new ReferralReversed(reversed, referrer, UUID.randomUUID(), UUID.randomUUID(),
                Instant.parse("2025-07-05T00:00:00Z")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/members/" + member + "/gold-standards")
                .then().statusCode(200)
                .body("find { it.year == 2 }.successfulReferrals", equalTo(1)));
        given().get("/api/members/" + member + "/gold-standards").then()
                .body("find { it.year == 1 }.from", equalTo("2024-04-30T16:00:00Z"))
                .body("find { it.year == 1 }.spendFen", equalTo(350_000))
                .body("find { it.year == 1 }.distinctCategories", equalTo(2))
                .body("find { it.year == 1 }.visits", equalTo(1))
                .body("find { it.year == 1 }.successfulReferrals", equalTo(0))
                .body("find { it.year == 1 }.averageSatisfaction", equalTo(4.5f))
                .body("find { it.year == 1 }.current", equalTo(false))
                .body("find { it.year == 2 }.spendFen", equalTo(200_000))
                .body("find { it.year == 2 }.distinctCategories", equalTo(1))
                .body("find { it.year == 2 }.visits", equalTo(0))
                .body("find { it.year == 2 }.averageSatisfaction", nullValue())
                .body("[0].current", equalTo(true));
    }

    @Test
    void a_member_who_never_bought_has_no_membership_year_yet() {
        given().get("/api/members/" + TestMembers.register() + "/gold-standards").then().statusCode(200)
                .body("size()", equalTo(0));
    }
}
