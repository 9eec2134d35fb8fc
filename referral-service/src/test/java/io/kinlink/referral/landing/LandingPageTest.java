package io.kinlink.referral.landing;

import static io.kinlink.referral.ReferralApi.awaitReferrals;
import static io.kinlink.referral.ReferralApi.awaitRejection;
import static io.kinlink.referral.ReferralApi.clickIdIn;
import static io.kinlink.referral.ReferralApi.codeOf;
import static io.kinlink.referral.ReferralApi.open;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kinlink.events.BranchChanged;
import io.kinlink.events.MemberRegistered;
import io.kinlink.events.PrivacyNoticePublished;
import io.kinlink.events.Topics;
import io.kinlink.events.WelcomeGiftChanged;
import io.kinlink.platform.event.EventEnvelope;
import io.kinlink.referral.RejectionReason;
import io.kinlink.referral.TestEvents;
import io.kinlink.testsupport.KinlinkInfraResource;
import io.kinlink.testsupport.TopicPublisher;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "referral"))
class LandingPageTest {

    @Test
    void the_page_wears_the_clinic_groups_brand_in_both_languages_and_never_kinlinks() {
        String code = codeOf(TestEvents.registered(null, null));

        String chinese = open("/r/" + code, "203.0.113.90").then().statusCode(200).extract().asString();
        assertTrue(chinese.contains("<title>加入丽格医美会员</title>"), chinese);
        assertTrue(chinese.contains("好友注册即享首次护理 8 折"));
        assertTrue(chinese.contains("background: #2e7d6b"), "the group's colour on the button");
        assertTrue(chinese.contains("<img class=\"logo\" id=\"logo\" src=\"data:image/svg+xml;base64,"),
                "the group's logo, carried by the page itself");
        assertFalse(chinese.toLowerCase().contains("kinlink"), "no Kinlink on a clinic's page");

        String english = given().header("X-Forwarded-For", "203.0.113.91").get("/r/" + code + "?lang=en")
                .then().statusCode(200).extract().asString();
        assertTrue(english.contains("<title>Join Lige Aesthetics Club</title>"));
        assertTrue(english.contains("Your friend&#39;s gift: 20% off your first treatment")
                || english.contains("Your friend's gift: 20% off your first treatment"), english);
    }

    @Test
    void the_sign_up_form_shows_the_privacy_notice_in_force_and_asks_for_its_acceptance() {
        String code = codeOf(TestEvents.registered(null, null));
        for (int version = 1; version <= 2; version++) {
            PrivacyNoticePublished notice = new PrivacyNoticePublished(version, "隐私政策第" + version + "版",
                    "Privacy notice version " + version, version == 2 ? "https://clinic.example/privacy" : null,
                    Instant.now());
            TestEvents.publish(new EventEnvelope(UUID.randomUUID(), "PrivacyNoticePublished", 1, Instant.now(),
                    "privacy-notice", TestEvents.MAPPER.valueToTree(notice)));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> open("/r/" + code, "203.0.113.95").then()
                .body(containsString("隐私政策第2版")));
        open("/r/" + code, "203.0.113.95").then()
                .body(containsString("id=\"privacyAccepted\" name=\"privacyAccepted\" data-version=\"2\""))
                .body(containsString("我已阅读并同意《隐私政策》"))
                .body(containsString("href=\"https://clinic.example/privacy\""))
                .body(containsString("data-for=\"privacyNoticeVersion\""))
                .body(not(containsString("隐私政策第1版")));
        given().get("/r/" + code + "?lang=en").then().body(containsString("Privacy notice version 2"))
                .body(containsString("I have read and accept the privacy notice"));
    }

    @Test
    void the_page_tells_the_friend_of_the_welcome_gift_in_force() {
        String code = codeOf(TestEvents.registered(null, null));
        Instant now = Instant.now();
        WelcomeGiftChanged past = new WelcomeGiftChanged(1, now.minus(30, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS),
                "JOIN", "Old gift", 1_000, 0, 30);
        WelcomeGiftChanged current = new WelcomeGiftChanged(2, now.minus(1, ChronoUnit.DAYS), null, "FIRST_VISIT",
                "首次护理券", 20_000, 50_000, 90);
        for (WelcomeGiftChanged gift : new WelcomeGiftChanged[] {past, current}) {
            TopicPublisher.publish(Topics.REWARDS_EVENTS, "welcome-gift", new EventEnvelope(UUID.randomUUID(),
                    "WelcomeGiftChanged", 1, now, "welcome-gift", TestEvents.MAPPER.valueToTree(gift))
                    .toJson(TestEvents.MAPPER));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> open("/r/" + code, "203.0.113.96").then()
                .body(containsString("好友送您：首次护理券（价值 ¥200），首次到店后发放")));
        given().get("/r/" + code + "?lang=en").then()
                .body(containsString("Your friend gives you: 首次护理券 (worth ¥200) after your first visit"))
                .body(not(containsString("Old gift")));
    }

    @Test
    void the_form_offers_the_open_branches_by_name_with_the_inviters_preselected() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String inviterBranch = "landing-" + suffix;
        String closing = "closing-" + suffix;
        Instant now = Instant.now();
        TestEvents.publish(TestEvents.branchChanged(new BranchChanged(inviterBranch, "杭州西湖店 " + suffix,
                "Hangzhou West Lake " + suffix, "杭州", "西湖区 1 号", true, now)));
        TestEvents.publish(TestEvents.branchChanged(new BranchChanged(closing, "待关闭店 " + suffix,
                "Closing " + suffix, "杭州", null, true, now)));
        MemberRegistered registration = TestEvents.registration(null, null, null);
        UUID inviter = TestEvents.registered(new MemberRegistered(registration.memberId(), registration.maskedName(),
                registration.phoneHash(), null, null, inviterBranch, "APP", now, null));
        String code = codeOf(inviter);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertTrue(
                open("/r/" + code, "203.0.113.97").asString().contains("待关闭店 " + suffix)));

        // the branch closes, and a change older than what the page knows arrives late: it stays closed
        TestEvents.publish(TestEvents.branchChanged(new BranchChanged(closing, "待关闭店 " + suffix,
                "Closing " + suffix, "杭州", null, false, now.plusSeconds(1))));
        TestEvents.publish(TestEvents.branchChanged(new BranchChanged(closing, "待关闭店 " + suffix,
                "Closing " + suffix, "杭州", null, true, now.minusSeconds(60))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertFalse(
                open("/r/" + code, "203.0.113.97").asString().contains("待关闭店 " + suffix)));

        String chinese = open("/r/" + code, "203.0.113.97").then().statusCode(200).extract().asString();
        assertTrue(chinese.contains("<option value=\"" + inviterBranch + "\" selected>杭州西湖店 " + suffix + "</option>"),
                chinese);
        String english = given().header("X-Forwarded-For", "203.0.113.98").get("/r/" + code + "?lang=en").asString();
        assertTrue(english.contains(">Hangzhou West Lake " + suffix + "</option>"), english);
        assertFalse(english.contains("Closing " + suffix));
    }

    @Test
    void a_share_link_names_the_inviter_masked_fills_in_the_code_and_records_the_click_without_the_ip() {
        UUID referrer = TestEvents.registered(null, null);
        String code = codeOf(referrer);

        Response page = open("/r/" + code.toLowerCase() + "?c=spring-2026", "203.0.113.77");
        page.then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("测** 邀请您加入"))
                .body(containsString("value=\"" + code + "\""))
                .body(containsString("'LANDING_PAGE'"));
        UUID click = clickIdIn(page);

        Object[] stored = QuarkusTransaction.requiringNew().call(() -> (Object[]) Panache.getEntityManager()
                .createNativeQuery("select ip_hash, user_agent, campaign, cast(referrer_id as varchar) from link_click where id = ?1")
                .setParameter(1, click).getSingleResult());
        String ipHash = (String) stored[0];
        assertTrue(ipHash.matches("[0-9a-f]{64}"), ipHash);
        assertFalse(ipHash.contains("203.0.113.77"));
        assertEquals("Mozilla/5.0 (iPhone) MicroMessenger", stored[1]);
        assertEquals("spring-2026", stored[2]);
        assertEquals(referrer.toString(), stored[3]);

        assertEquals(ipHash, hashOfClick(clickIdIn(open("/r/" + code, "203.0.113.77"))), "the same visitor, the same hash");
        assertFalse(ipHash.equals(hashOfClick(clickIdIn(open("/r/" + code, "203.0.113.78")))));
    }

    @Test
    void the_page_speaks_english_when_asked_or_when_the_browser_prefers_it() {
        String code = codeOf(TestEvents.registered(null, null));
        given().queryParam("lang", "en").get("/r/" + code).then().statusCode(200)
                .body(containsString("<html lang=\"en\">")).body(containsString("测** invited you"));
        given().header("Accept-Language", "en-GB,en;q=0.9,zh;q=0.5").get("/r/" + code).then()
                .body(containsString("invited you"));
        given().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").get("/r/" + code).then()
                .body(containsString("<html lang=\"zh\">"));
    }

    @Test
    void an_unknown_code_gets_a_friendly_page_that_still_lets_the_visitor_join() {
        for (String unknown : new String[] {"ZZZZ999", "not-a-code", "%3Cscript%3E"}) {
            given().urlEncodingEnabled(false).get("/r/" + unknown).then().statusCode(404)
                    .contentType(containsString("text/html"))
                    .body(containsString("这个邀请链接无效或已失效"))
                    .body(containsString("id=\"join\""))
                    .body(not(containsString("<script>alert")))
                    .body(not(containsString("Exception")));
        }
    }

    @Test
    void a_registration_carrying_the_click_id_is_attributed_to_the_links_owner_with_the_campaign() {
        UUID referrer = TestEvents.registered(null, null);
        UUID click = clickIdIn(open("/r/" + codeOf(referrer) + "?c=poster-a", "198.51.100.1"));

        TestEvents.registered(TestEvents.registration(null, null, click));
        awaitReferrals(referrer, 1);
        given().get("/api/members/" + referrer + "/referrals").then()
                .body("referrals[0].maskedName", equalTo("测**"))
                .body("referrals[0].status", equalTo("REGISTERED"));
        String campaign = QuarkusTransaction.requiringNew().call(() -> (String) Panache.getEntityManager()
                .createNativeQuery("select campaign from referral where click_id = ?1").setParameter(1, click)
                .getSingleResult());
        assertEquals("poster-a", campaign);
    }

    @Test
    void a_click_older_than_the_attribution_window_or_never_made_attributes_nobody() {
        UUID referrer = TestEvents.registered(null, null);
        UUID click = clickIdIn(open("/r/" + codeOf(referrer), "198.51.100.2"));
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("update link_click set clicked_at = ?2 where id = ?1")
                .setParameter(1, click).setParameter(2, Instant.now().minus(31, ChronoUnit.DAYS)).executeUpdate());

        UUID late = TestEvents.registered(TestEvents.registration(null, null, click));
        assertEquals(RejectionReason.CLICK_EXPIRED, awaitRejection(late).reason());
        assertEquals(click, awaitRejection(late).clickId());

        UUID unknown = TestEvents.registered(TestEvents.registration(null, null, UUID.randomUUID()));
        assertEquals(RejectionReason.UNKNOWN_CLICK, awaitRejection(unknown).reason());
        given().get("/api/members/" + referrer + "/referrals").then().body("total", equalTo(0));
    }

    @Test
    void a_typed_code_wins_over_a_click_for_another_code() {
        UUID clicked = TestEvents.registered(null, null);
        UUID typed = TestEvents.registered(null, null);
        UUID click = clickIdIn(open("/r/" + codeOf(clicked), "198.51.100.3"));

        TestEvents.registered(TestEvents.registration(codeOf(typed), null, click));
        awaitReferrals(typed, 1);
        given().get("/api/members/" + clicked + "/referrals").then().body("total", equalTo(0));
        assertNull(QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager()
                .createNativeQuery("select click_id from referral where referrer_id = ?1").setParameter(1, typed)
                .getSingleResult()), "the click was for another code, so it is not this referral's");
    }

    private static String hashOfClick(UUID click) {
        return QuarkusTransaction.requiringNew().call(() -> (String) Panache.getEntityManager()
                .createNativeQuery("select ip_hash from link_click where id = ?1").setParameter(1, click)
                .getSingleResult());
    }
}
