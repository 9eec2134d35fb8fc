package io.kinlink.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * A friend opens a share link in a real headless Chromium, fills in the form and joins; the
 * member who shared it now has them as a referral. Needs Debian's chromium and chromium-driver:
 * skipped without them, except where KINLINK_REQUIRE_BROWSER=true (CI installs them and sets it).
 */
class LandingPageBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("KINLINK_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("KINLINK_CHROMEDRIVER",
            "/usr/bin/chromedriver"));

    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("KINLINK_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("Chromium is required here: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "no Chromium at " + CHROMIUM + "; install chromium chromium-driver");
        RestAssured.baseURI = RunningPlatform.gatewayUrl();
        RestAssured.requestSpecification = RunningPlatform.asOperator(); // members' own views are SecurityIT's

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The machine has no outside network: Chromium's own background connections are switched off.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=zh-CN", "--window-size=390,844",
                "--user-data-dir=" + Files.createTempDirectory("kinlink-chromium"));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
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

        // the privacy notice member-service publishes at its first start reaches the share page by event
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            browser.get(shareUrl);
            return !browser.findElements(By.id("privacyAccepted")).isEmpty();
        });
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        assertEquals("王** 邀请您加入", wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invite"))).getText());
        assertEquals(code, browser.findElement(By.id("referralCode")).getAttribute("value"));
        assertEquals("shanghai-xuhui", browser.findElement(By.id("branch")).getAttribute("value"),
                "the inviter's branch is preselected");
        assertEquals("隐私政策", browser.findElement(By.cssSelector("#privacy-notice summary")).getText());
        browser.findElement(By.cssSelector("#privacy-notice summary")).click();
        // the version in force (the fuzz suite may have published others than the first)
        assertTrue(browser.findElement(By.id("privacy-notice")).getText().length() > "隐私政策".length() + 1,
                "the notice's text opens on the page");
        assertEquals(Integer.toString(RunningPlatform.privacyNoticeVersion()),
                browser.findElement(By.id("privacyAccepted")).getAttribute("data-version"));

        Files.write(Path.of("target", "landing-page.png"),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

        browser.findElement(By.id("name")).sendKeys("李明");
        browser.findElement(By.id("phone")).sendKeys(phone());
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
        browser.findElement(By.id("phone")).sendKeys(phone());
        browser.findElement(By.id("marketingConsent")).click();
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/members/" + referrer + "/referrals").then().statusCode(200)
                        .body("total", equalTo(1))
                        .body("referrals[0].maskedName", equalTo("李**"))
                        .body("referrals[0].status", equalTo("REGISTERED")));
    }

    private static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
