package io.kinlink.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * A friend opens a share link in a real headless Chromium, in Chinese and in English: the clinic
 * group's brand, its branches by name with the inviter's preselected, the friend's gift and the
 * privacy notice; the friend joins, the member who shared it has them as a referral and the friend
 * has the gift.
 */
class LandingPageBrowserIT {

    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = HeadlessChromium.start(390, 844);
        RestAssured.baseURI = RunningPlatform.gatewayUrl();
        RestAssured.requestSpecification = RunningPlatform.asOperator(); // members' own views are SecurityIT's
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_friend_joins_from_the_share_link_in_a_browser_and_is_attributed_to_the_member_who_shared_it()
            throws IOException {
        String referrer = given().contentType(ContentType.JSON).body(Map.of("name", "王小红", "phone", phone(),
                        "branch", "shanghai-xuhui", "marketingConsent", true, "privacyNoticeVersion", RunningPlatform.privacyNoticeVersion()))
                .post("/api/members").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/members/" + referrer + "/referral-code").then().statusCode(200));
        String shareUrl = given().get("/api/members/" + referrer + "/referral-code").then().extract().path("shareUrl");
        String code = given().get("/api/members/" + referrer + "/referral-code").then().extract().path("code");

        Instant giftEnds = offerWelcomeGift("见面礼 " + code, Duration.ofSeconds(75));

        // the privacy notice member-service publishes at its first start, and the gift rewards-service
        // announces, reach the share page by events
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            browser.get(shareUrl);
            return !browser.findElements(By.id("privacyAccepted")).isEmpty()
                    && browser.findElements(By.id("gift")).stream().anyMatch(gift -> gift.getText().contains(code));
        });
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        assertEquals("王** 邀请您加入", wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invite"))).getText());
        assertEquals("加入悦颜医美会员", browser.getTitle(), "the clinic group's brand, configured for the local stack");
        assertEquals("好友送您：见面礼 " + code + "（价值 ¥50），注册即得", browser.findElement(By.id("gift")).getText());
        assertEquals(code, browser.findElement(By.id("referralCode")).getAttribute("value"));
        Select branch = new Select(browser.findElement(By.id("branch")));
        assertEquals("shanghai-xuhui", branch.getFirstSelectedOption().getAttribute("value"),
                "the inviter's branch is preselected");
        assertEquals("上海徐汇店", branch.getFirstSelectedOption().getText(), "branches by their names");
        assertTrue(branch.getOptions().stream().anyMatch(option -> option.getText().equals("北京国贸店")));
        assertEquals("隐私政策", browser.findElement(By.cssSelector("#privacy-notice summary")).getText());
        browser.findElement(By.cssSelector("#privacy-notice summary")).click();
        // the version in force (the fuzz suite may have published others than the first)
        assertTrue(browser.findElement(By.id("privacy-notice")).getText().length() > "隐私政策".length() + 1,
                "the notice's text opens on the page");
        assertEquals(Integer.toString(RunningPlatform.privacyNoticeVersion()),
                browser.findElement(By.id("privacyAccepted")).getAttribute("data-version"));

        HeadlessChromium.screenshot(browser, "landing-page.png");

        browser.get(shareUrl + (shareUrl.contains("?") ? "&" : "?") + "lang=en");
        assertEquals("Join Yueyan Aesthetics Club", browser.getTitle());
        assertTrue(browser.findElement(By.id("gift")).getText().contains("见面礼 " + code));
        assertEquals("Shanghai Xuhui", new Select(browser.findElement(By.id("branch"))).getFirstSelectedOption().getText());
        assertEquals("Privacy notice", browser.findElement(By.cssSelector("#privacy-notice summary")).getText());
        HeadlessChromium.screenshot(browser, "landing-page-en.png");
        browser.get(shareUrl);

        String friendPhone = phone();
        browser.findElement(By.id("name")).sendKeys("李明");
        browser.findElement(By.id("phone")).sendKeys(friendPhone);
        browser.findElement(By.id("submit")).click();
        String privacyError = wait.until(driver -> {
            String text = driver.findElement(By.cssSelector(".error[data-for=privacyNoticeVersion]")).getText();
            return text.isBlank() ? null : text;
        });
        assertEquals("must accept the privacy notice", privacyError, "no sign-up without accepting the notice");
        assertTrue(!browser.findElement(By.id("welcome")).isDisplayed());

        browser.findElement(By.id("privacyAccepted")).click();
        browser.findElement(By.id("phone")).clear();
        browser.findElement(By.id("phone")).sendKeys("12345");
        browser.findElement(By.id("submit")).click();
        String phoneError = wait.until(driver -> {
            String text = driver.findElement(By.cssSelector(".error[data-for=phone]")).getText();
            return text.isBlank() ? null : text;
        });
        assertTrue(!phoneError.isBlank(), "a bad phone number is explained next to the field");

        browser.findElement(By.id("phone")).clear();
        browser.findElement(By.id("phone")).sendKeys(friendPhone);
        browser.findElement(By.id("marketingConsent")).click();
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/members/" + referrer + "/referrals").then().statusCode(200)
                        .body("total", equalTo(1))
                        .body("referrals[0].maskedName", equalTo("李**"))
                        .body("referrals[0].status", equalTo("REGISTERED")));

        String friend = given().contentType(ContentType.JSON).body(Map.of("phone", friendPhone))
                .post("/api/members/lookup").then().statusCode(200).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/members/" + friend + "/rewards/coupons").then().statusCode(200)
                        .body("size()", equalTo(1))
                        .body("[0].reason", equalTo("REFEREE_WELCOME"))
                        .body("[0].ruleId", equalTo("referee-welcome-coupon"))
                        .body("[0].faceValueFen", equalTo(5_000)));

        // the gift's version ends: the page stops promising it (and later tests' referrals earn none)
        await().atMost(Duration.between(Instant.now(), giftEnds).plusSeconds(30)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    browser.get(shareUrl);
                    return browser.findElements(By.id("gift")).isEmpty();
                });
    }

    /** An operator offers referred friends a 50 CNY coupon on joining, for a while from now. */
    private static Instant offerWelcomeGift(String name, Duration lasting) {
        String template = given().contentType(ContentType.JSON).body(Map.of("name", name, "faceValueFen", 5_000,
                "minSpendFen", 0, "validDays", 30)).post("/api/rewards/coupon-templates").then().statusCode(201)
                .extract().path("id");
        Instant from = Instant.now();
        Instant to = from.plus(lasting);
        given().contentType(ContentType.JSON).body(Map.of("kind", "REFEREE_WELCOME_COUPON",
                        "params", Map.of("couponTemplateId", template, "on", "JOIN"),
                        "effectiveFrom", from.toString(), "effectiveTo", to.toString()))
                .post("/api/rewards/rules/referee-welcome-coupon/versions").then().statusCode(201);
        return to;
    }


    private static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
