package io.kinlink.referral.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.kinlink.events.MemberStatusChanged;
import io.kinlink.events.RefundRecorded;
import io.kinlink.events.Topics;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.referral.AttributionRejection;
import io.kinlink.referral.RejectionReason;
import io.kinlink.referral.TestEvents;
import io.kinlink.testsupport.Infrastructure;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TopicProbe;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "referral"))
class AttributionTest {

    private static String codeOf(UUID member) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/api/members/" + member + "/referral-code").then().statusCode(200));
        return given().get("/api/members/" + member + "/referral-code").then().extract().path("code");
    }

    private static List<ConsumerRecord<String, String>> referralEvents(UUID key, String type, int expected) {
        try (TopicProbe probe = new TopicProbe(Infrastructure.shared().kafkaBootstrapServers(), Topics.REFERRAL_EVENTS)) {
            return probe.await(r -> key.toString().equals(r.key()) && r.value().contains("\"type\":\"" + type + "\""),
                    expected, Duration.ofSeconds(20), Duration.ofSeconds(1));
        }
    }

    @Test
    void a_new_member_gets_a_code_without_look_alike_characters_and_a_share_link() {
        UUID member = TestEvents.registered(null, null);
        String code = codeOf(member);
        assertTrue(code.matches("[2-9A-HJKMNP-Z]{7}"), code);
        given().get("/api/members/" + member + "/referral-code").then()
                .body("shareUrl", equalTo("http://localhost:8080/r/" + code));
        given().get("/api/referral-codes/" + code.toLowerCase()).then().statusCode(200)
                .body("inviter", equalTo("测**"));
    }

    @Test
    void a_friend_registering_with_a_code_in_any_case_is_attributed_to_its_owner() {
        UUID referrer = TestEvents.registered(null, null);
        String code = codeOf(referrer);
        UUID friend = TestEvents.registered(code.toLowerCase(), null);

        List<ConsumerRecord<String, String>> attributed = referralEvents(friend, "ReferralAttributed", 1);
        assertEquals(1, attributed.size());
        assertTrue(attributed.get(0).value().contains("\"referrerId\":\"" + referrer + "\""));
    }

    @Test
    void a_purchase_is_republished_with_the_buyers_chain_up_to_three_levels() {
        UUID a = TestEvents.registered(null, null);
        UUID b = TestEvents.registered(codeOf(a), null);
        UUID c = TestEvents.registered(codeOf(b), null);
        UUID d = TestEvents.registered(codeOf(c), null);
        UUID e = TestEvents.registered(codeOf(d), null);
        codeOf(e);

        TestEvents.publish(TestEvents.purchase(e, 100_000));
        List<ConsumerRecord<String, String>> published = referralEvents(e, "PurchaseAttributed", 1);
        assertEquals(1, published.size());
        EventEnvelope event = EventEnvelope.parse(published.get(0).value(), TestEvents.MAPPER);
        assertEquals(List.of(d.toString(), c.toString(), b.toString()),
                event.payload().get("chain").findValuesAsText("memberId"), "levels 1, 2, 3; never the fourth");
        assertEquals(List.of("1", "2", "3"), event.payload().get("chain").findValuesAsText("level"));
    }

    @Test
    void the_same_purchase_event_delivered_twice_is_republished_once() {
        UUID buyer = TestEvents.registered(null, null);
        codeOf(buyer);
        EventEnvelope purchase = TestEvents.purchase(buyer, 5_000);
        TestEvents.publish(purchase);
        TestEvents.publish(purchase);
        assertEquals(1, referralEvents(buyer, "PurchaseAttributed", 1).size());
    }

    @Test
    void a_friend_on_the_referrers_device_is_refused_with_the_reason_recorded() {
        String device = "shared-device-" + UUID.randomUUID();
        UUID referrer = TestEvents.registered(null, device);
        UUID friend = TestEvents.registered(codeOf(referrer), device);
        assertEquals(RejectionReason.SAME_DEVICE, awaitRejection(friend));
        assertEquals(0, referralEvents(friend, "ReferralAttributed", 0).size());
    }

    @Test
    void a_suspended_referrers_code_is_refused_until_reinstated() {
        UUID referrer = TestEvents.registered(null, null);
        String code = codeOf(referrer);
        TestEvents.publish(TestEvents.envelope(referrer, new MemberStatusChanged(referrer, "SUSPENDED", Instant.now())));
        // the suspension travels under the referrer's key and the friend's sign-up under the friend's:
        // Kafka orders them only per key, so the friend signs up once the suspension is in
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Boolean.TRUE.equals(Panache.getEntityManager().createNativeQuery(
                        "select suspended from referral_member where member_id = ?1")
                        .setParameter(1, referrer).getResultStream().findFirst().orElse(null))));
        UUID friend = TestEvents.registered(code, null);
        assertEquals(RejectionReason.REFERRER_SUSPENDED, awaitRejection(friend));
    }

    @Test
    void the_first_purchase_over_the_minimum_qualifies_the_referral_and_its_full_refund_reverses_it() {
        UUID referrer = TestEvents.registered(null, null);
        UUID friend = TestEvents.registered(codeOf(referrer), null);
        referralEvents(friend, "ReferralAttributed", 1);

        TestEvents.publish(TestEvents.purchase(friend, 49_999));
        EventEnvelope qualifying = TestEvents.purchase(friend, 50_000);
        TestEvents.publish(qualifying);
        TestEvents.publish(TestEvents.purchase(friend, 90_000));
        List<ConsumerRecord<String, String>> qualified = referralEvents(friend, "ReferralQualified", 1);
        assertEquals(1, qualified.size(), "qualified once, by the first purchase of at least 500 CNY");
        UUID purchaseId = UUID.fromString(qualifying.payload().get("purchaseId").asText());
        assertTrue(qualified.get(0).value().contains("\"purchaseId\":\"" + purchaseId + "\""));

        TestEvents.publish(TestEvents.envelope(friend, new RefundRecorded(UUID.randomUUID(), purchaseId, friend,
                "refund-1", 50_000, 50_000, 50_000, Instant.now())));
        assertEquals(1, referralEvents(friend, "ReferralReversed", 1).size());
    }

    @Test
    void a_friend_with_the_referrers_phone_is_refused_as_the_same_person() {
        io.kinlink.events.MemberRegistered referrer = TestEvents.registration(null, null, null);
        TestEvents.registered(referrer);
        io.kinlink.events.MemberRegistered friend = new io.kinlink.events.MemberRegistered(UUID.randomUUID(), "测**",
                referrer.phoneHash(), codeOf(referrer.memberId()), null, "shanghai-jingan", "APP", Instant.now(), null);
        TestEvents.registered(friend);
        assertEquals(RejectionReason.SAME_PHONE, awaitRejection(friend.memberId()));
    }

    @Test
    void someone_who_joined_before_cannot_be_referred_again_under_a_new_id() {
        io.kinlink.events.MemberRegistered existing = TestEvents.registration(null, null, null);
        TestEvents.registered(existing);
        UUID referrer = TestEvents.registered(null, null);
        io.kinlink.events.MemberRegistered again = new io.kinlink.events.MemberRegistered(UUID.randomUUID(), "测**",
                existing.phoneHash(), codeOf(referrer), null, "shanghai-jingan", "APP", Instant.now(), null);
        TestEvents.registered(again);
        assertEquals(RejectionReason.ALREADY_REGISTERED, awaitRejection(again.memberId()));
        given().get("/api/referrals/rejections?reason=ALREADY_REGISTERED&size=200").then().statusCode(200)
                .body("items.refereeId", Matchers.hasItem(again.memberId().toString()));
    }

    @Test
    void an_unknown_code_is_refused_with_the_reason_recorded() {
        UUID friend = TestEvents.registered("ZZZZ999", null);
        assertEquals(RejectionReason.UNKNOWN_CODE, awaitRejection(friend));
    }

    private static RejectionReason awaitRejection(UUID referee) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Panache.getEntityManager()
                        .createQuery("from AttributionRejection where refereeId = :id", AttributionRejection.class)
                        .setParameter("id", referee).getResultStream().findFirst()
                        .map(AttributionRejection::reason).orElse(null)), Objects::nonNull);
    }
}
