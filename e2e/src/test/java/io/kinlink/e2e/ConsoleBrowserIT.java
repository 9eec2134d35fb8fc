package io.kinlink.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The operators' console in a real headless Chromium on a tablet-sized window: logging in (a wrong
 * password is told, the right one works, a reload keeps the session), and the overview's KPIs for
 * a branch equal to a scripted month there.
 */
class ConsoleBrowserIT {

    private static WebDriver browser;
    private static WebDriverWait wait;
    private static Path downloads;

    @BeforeAll
    static void start() throws Exception {
        downloads = Files.createTempDirectory("kinlink-console-downloads");
        browser = HeadlessChromium.start(1024, 1366, downloads);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        RestAssured.baseURI = RunningPlatform.gatewayUrl();
        RestAssured.requestSpecification = RunningPlatform.asOperator();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void an_operator_logs_in_and_sees_a_branchs_kpis_as_scripted() throws Exception {
        String branch = scriptedMonth();

        browser.get(RunningPlatform.gatewayUrl() + "/console");
        // another test of this class may have logged in already: log out as an operator would, once the
        // page has loaded (a renewal still in flight would otherwise bring the cookie back)
        wait.until(driver -> !driver.findElements(By.cssSelector("#login:not([hidden]), #kpis article")).isEmpty());
        if (browser.findElements(By.cssSelector("#login:not([hidden])")).isEmpty()) {
            browser.findElement(By.id("logout")).click();
        }
        String[] administrator = RunningPlatform.administrator();
        logIn(administrator[0], administrator[1] + "-wrong");
        assertEquals("用户名或密码错误", wait.until(driver -> {
            String text = driver.findElement(By.id("login-error")).getText();
            return text.isBlank() ? null : text;
        }));
        logIn(administrator[0], administrator[1]);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kpis")));

        // a reload keeps the session: the cookie, which no script here can read
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("overview")));
        assertTrue(browser.findElements(By.cssSelector("#login:not([hidden])")).isEmpty(), "still logged in");
        assertEquals("", String.valueOf(((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.cookie")), "the login is not readable by scripts");

        wait.until(driver -> new Select(driver.findElement(By.id("branch"))).getOptions().stream()
                .anyMatch(option -> branch.equals(option.getAttribute("value"))));
        new Select(browser.findElement(By.id("branch"))).selectByValue(branch);
        wait.until(driver -> text("#kpi-REFERRAL_RATE .counts").startsWith("1 / 2"));
        assertEquals("50.0%", text("#kpi-REFERRAL_RATE .value"));
        assertEquals("1 / 2 位活跃会员推荐了好友", text("#kpi-REFERRAL_RATE .counts"));
        assertTrue(text("#kpi-REFERRAL_RATE .target").startsWith("目标 ≥ 30.0% · 已达标"));
        assertEquals("50.0%", text("#kpi-REFERRAL_CONVERSION .value"));
        assertEquals("1 / 2 位被推荐好友已消费", text("#kpi-REFERRAL_CONVERSION .counts"));
        assertTrue(text("#kpi-REFERRAL_CONVERSION .target").contains("未达标"), "60% is the target");
        assertEquals("—", text("#kpi-REFERRED_RETENTION .value"), "nobody has had time to come back yet");
        assertTrue(text("#kpi-INCENTIVE_SHARE .target").contains("集团整体"), "the budget is the group's");
        // the friend's purchase qualified the referral: the branch owes the referrer a thank-you call (回访)
        assertEquals("待回访 1 个，其中逾期 0 个", text("#overview-follow-ups"));
        // operators set what a customer costs through the other channels; the acquisition cost is shown beside it
        browser.findElement(By.id("benchmark-yuan")).clear();
        browser.findElement(By.id("benchmark-yuan")).sendKeys("450");
        browser.findElement(By.id("benchmark-save")).click();
        wait.until(driver -> text("#kpi-REFERRAL_ACQUISITION_COST .target").contains("其他渠道 ¥450"));
        assertTrue(text("#benchmark-changed").startsWith(administrator[0] + " 于 "), "who set it");
        wait.ignoring(StaleElementReferenceException.class).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#trend-rates canvas"))); // the trend is drawn
        HeadlessChromium.screenshot(browser, "console-overview.png");

        browser.findElement(By.id("language")).click();
        wait.until(driver -> text("#kpi-REFERRAL_RATE h3").equals("Referral rate"));
        assertEquals("1 / 2 active members referred a friend", text("#kpi-REFERRAL_RATE .counts"));
        browser.findElement(By.id("language")).click();

        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        given().contentType(ContentType.JSON).body(Map.of("otherChannelAcquisitionCostFen", 50_000))
                .put("/api/rewards/kpis/benchmark").then().statusCode(200);
    }

    @Test
    void an_operator_approves_one_held_reward_and_declines_another_saying_why() throws Exception {
        String[] held = heldRewardsOfAScriptedMonth();
        logInUnlessLoggedIn();
        browser.get(RunningPlatform.gatewayUrl() + "/console/#budget");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("budget-period")));
        setValue("budget-period", HELD_MONTH);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("held-" + held[0])));
        String issuedBefore = text("#budget-figures [data-figure=spent] dd");

        browser.findElement(By.id("note-" + held[0])).sendKeys("VIP 客户，特批");
        browser.findElement(By.cssSelector("#held-" + held[0] + " button.approve")).click();
        wait.until(driver -> "APPROVED".equals(attribute("#held-" + held[0], "data-status")));
        assertTrue(text("#held-" + held[0]).contains("VIP 客户，特批"), "the decision and its note are shown");
        assertTrue(text("#held-" + held[0]).contains(RunningPlatform.administrator()[0]), "and who decided");
        assertTrue(!issuedBefore.equals(text("#budget-figures [data-figure=spent] dd")), "the approved reward is issued");

        browser.findElement(By.cssSelector("#held-" + held[1] + " button.decline")).click();
        assertEquals("不予发放时请填写原因", wait.until(driver -> {
            String error = text("#held-" + held[1] + " .error");
            return error.isBlank() ? null : error;
        }));
        browser.findElement(By.id("note-" + held[1])).sendKeys("重复录入");
        browser.findElement(By.cssSelector("#held-" + held[1] + " button.decline")).click();
        wait.until(driver -> "CANCELLED".equals(attribute("#held-" + held[1], "data-status")));
        HeadlessChromium.screenshot(browser, "console-budget.png");
        given().get("/api/rewards/budget/held").then()
                .body("find { it.id == '" + held[0] + "' }.status", equalTo("APPROVED"))
                .body("find { it.id == '" + held[1] + "' }.decisionNote", equalTo("重复录入"));
    }

    @Test
    void an_operator_makes_a_partner_key_sees_it_once_and_revokes_it() throws Exception {
        String member = Signups.register("Key Check", null);
        logInUnlessLoggedIn();
        browser.get(RunningPlatform.gatewayUrl() + "/console/#keys");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key-form")));

        browser.findElement(By.id("key-create")).click();
        wait.until(driver -> text("#key-form .error[data-for=name]").isBlank() ? null : "the API's field errors");
        assertTrue(!text("#key-form .error[data-for=branches]").isBlank(), "beside each field");

        String name = "Console till " + UUID.randomUUID().toString().substring(0, 6);
        browser.findElement(By.id("key-name")).sendKeys(name);
        new Select(browser.findElement(By.id("key-branches"))).selectByValue("shanghai-jingan");
        browser.findElement(By.id("key-create")).click();
        String key = wait.until(driver -> {
            String shown = text("#new-key-value");
            return shown.startsWith("klk_") ? shown : null;
        });
        given().header("X-Api-Key", key).get("/api/members/" + member + "/rewards/balance").then().statusCode(200);

        String row = wait.until(driver -> driver.findElements(By.cssSelector("#key-rows tr")).stream()
                .filter(tr -> tr.getText().contains(name)).findFirst().map(tr -> tr.getAttribute("id")).orElse(null));
        browser.findElement(By.cssSelector("#" + row + " button.revoke")).click();
        assertEquals("确认吊销？", text("#" + row + " button.revoke"), "a second click confirms");
        browser.findElement(By.cssSelector("#" + row + " button.revoke")).click();
        wait.until(driver -> "true".equals(attribute("#" + row, "data-revoked")));
        HeadlessChromium.screenshot(browser, "console-keys.png");
        Thread.sleep(1_050); // a key's check is reused for up to a second after its revocation
        given().header("X-Api-Key", key).get("/api/members/" + member + "/rewards/balance").then().statusCode(401);
    }

    @Test
    void an_invalid_rule_version_shows_the_apis_error_beside_its_field_and_a_valid_one_is_saved() throws Exception {
        String campaign = "console-" + UUID.randomUUID().toString().substring(0, 8);
        logInUnlessLoggedIn();
        browser.get(RunningPlatform.gatewayUrl() + "/console/#rules");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-referral-rebate")));

        browser.findElement(By.id("rule-id")).sendKeys(campaign);
        new Select(browser.findElement(By.id("rule-kind"))).selectByValue("CAMPAIGN_MULTIPLIER");
        setValue("rule-params", "{\"multiplierPercent\": 50, \"appliesTo\": [\"REFERRAL_REBATE\"]}");
        // a campaign far ahead, so that no other test's purchase falls in it
        setValue("rule-from", "2031-01-01T00:00");
        setValue("rule-to", "2031-01-31T00:00");
        browser.findElement(By.id("rule-save")).click();
        String error = wait.until(driver -> {
            String shown = text("#rule-form .error[data-for=params]");
            return shown.isBlank() ? null : shown;
        });
        assertTrue(error.startsWith("multiplierPercent: "), error);
        given().get("/api/rewards/rules/" + campaign).then().statusCode(404);

        setValue("rule-params", "{\"multiplierPercent\": 150, \"appliesTo\": [\"REFERRAL_REBATE\"]}");
        browser.findElement(By.id("rule-save")).click();
        assertEquals("已保存 " + campaign + " 第 1 版", wait.until(driver -> {
            String saved = text("#rule-saved");
            return saved.isBlank() ? null : saved;
        }));
        assertTrue(text("#rule-form .error[data-for=params]").isBlank(), "the error is gone");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-" + campaign)));
        HeadlessChromium.screenshot(browser, "console-rules.png");
        given().get("/api/rewards/rules/" + campaign).then().statusCode(200)
                .body("[0].params.multiplierPercent", equalTo(150));
    }

    @Test
    void an_operator_finds_a_branchs_members_opens_one_gives_a_coupon_and_downloads_the_csv() throws Exception {
        String branch = RunningPlatform.openBranch("members-" + UUID.randomUUID().toString().substring(0, 8));
        String first = Signups.register("会员甲", null, branch);
        String second = Signups.register("会员乙", null, branch);
        purchase(first, branch);
        String template = given().contentType(ContentType.JSON).body(Map.of("name", "员工关怀券 " + branch,
                "faceValueFen", 100_000, "minSpendFen", 0, "validDays", 30))
                .post("/api/rewards/coupon-templates").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/members/" + first
                + "/rewards/history").then().statusCode(200).body("size()", equalTo(1)));
        logInUnlessLoggedIn();
        browser.get(RunningPlatform.gatewayUrl() + "/console/#members");
        wait.until(driver -> new Select(driver.findElement(By.id("member-branch"))).getOptions().stream()
                .anyMatch(option -> branch.equals(option.getAttribute("value"))));
        new Select(browser.findElement(By.id("member-branch"))).selectByValue(branch);
        browser.findElement(By.id("member-search")).click();
        wait.until(driver -> text("#member-paging").equals("第 1 / 1 页，共 2 人"));
        assertTrue(text("#member-" + second).contains("会员乙"));

        browser.findElement(By.cssSelector("#member-" + first + " button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("member-detail")));
        assertTrue(text("#member-name").matches("会员甲 · 13\\d\\*{4}\\d{4}"), "the phone masked: " + text("#member-name"));
        assertTrue(text("#member-history").contains("OWN_SPEND"), "the points history with its explanations");
        new Select(browser.findElement(By.id("coupon-template"))).selectByValue(template);
        browser.findElement(By.id("coupon-reason")).sendKeys("术后回访关怀");
        browser.findElement(By.id("coupon-issue")).click();
        wait.until(driver -> text("#member-coupons").contains("¥1,000"));
        HeadlessChromium.screenshot(browser, "console-member.png");
        given().get("/api/members/" + first + "/rewards/coupons").then().body("size()", equalTo(1))
                .body("[0].faceValueFen", equalTo(100_000));

        browser.findElement(By.id("member-csv")).click();
        Path csv = downloads.resolve("kinlink-members.csv");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(csv) && Files.size(csv) > 0);
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("\"id\",\"name\",\"phone\",\"branch\""), lines.get(0));
        assertEquals(3, lines.size(), "the header and the branch's two members");
        // every text cell is quoted (and one starting like a formula defused) by the service
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("\"" + first + "\",\"会员甲\"")), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("\"" + second + "\",\"会员乙\"")), lines.toString());
    }

    @Test
    void an_operator_reads_a_branchs_funnel_and_leaders_and_draws_a_leaders_network() throws Exception {
        String branch = scriptedMonth();
        logInUnlessLoggedIn();
        browser.get(RunningPlatform.gatewayUrl() + "/console/#referrals");
        wait.until(driver -> new Select(driver.findElement(By.id("referrals-branch"))).getOptions().stream()
                .anyMatch(option -> branch.equals(option.getAttribute("value"))));
        new Select(browser.findElement(By.id("referrals-branch"))).selectByValue(branch);
        browser.findElement(By.id("referrals-search")).click();
        // the month's friends registered at the branch: two, one of whom bought
        wait.until(driver -> text("#funnel-rows td[data-step=REGISTERED]").startsWith("2"));
        assertTrue(text("#funnel-rows td[data-step=FIRST_PURCHASE]").startsWith("1"));
        String leader = wait.until(driver -> driver.findElements(By.cssSelector("#leader-rows tr")).stream()
                .findFirst().map(row -> row.getAttribute("id")).orElse(null));
        assertTrue(text("#" + leader).contains("测试门店 " + branch), "the branch by its name");
        browser.findElement(By.cssSelector("#" + leader + " button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("network-chart")));
        assertEquals(2, browser.findElements(By.cssSelector("#network-list li")).size(), "the leader's two friends");
        HeadlessChromium.screenshot(browser, "console-referrals.png");
    }

    /** A month whose budget-cap rule allows nothing, so everything its purchases earn is held. */
    private static final String HELD_MONTH = "2025-09";

    /** A referred friend's purchase in {@link #HELD_MONTH}: the referrer's rebate and the friend's own points, held. */
    private static String[] heldRewardsOfAScriptedMonth() {
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "BUDGET_CAP", "params", Map.of("shareBasisPoints", 0, "minimumFen", 0),
                        "effectiveFrom", "2025-08-31T16:00:00Z", "effectiveTo", "2025-09-30T16:00:00Z",
                        "note", "ConsoleBrowserIT: nothing fits in September 2025"))
                .post("/api/rewards/rules/budget-cap/versions").then().statusCode(201);
        String referrer = Signups.register("Held Referrer", null);
        String friend = Signups.register("Held Friend", Signups.codeOf(referrer));
        given().contentType(ContentType.JSON).body(Map.of("memberId", friend, "externalTransactionId",
                        "till-" + UUID.randomUUID(), "amountFen", 100_000, "branch", "shanghai-jingan",
                        "occurredAt", "2025-09-15T04:00:00Z"))
                .post("/api/purchases").then().statusCode(201);
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            var held = given().get("/api/rewards/budget/held?status=HELD").then().extract().jsonPath();
            String rebate = held.getString("find { it.memberId == '" + referrer + "' }.id");
            String own = held.getString("find { it.memberId == '" + friend + "' }.id");
            return rebate == null || own == null ? null : new String[] {rebate, own};
        }, java.util.Objects::nonNull);
    }

    private static void logInUnlessLoggedIn() {
        browser.get(RunningPlatform.gatewayUrl() + "/console/");
        wait.until(driver -> !driver.findElements(By.cssSelector("#login:not([hidden]), #overview:not([hidden])"))
                .isEmpty());
        if (!browser.findElements(By.cssSelector("#login:not([hidden])")).isEmpty()) {
            String[] administrator = RunningPlatform.administrator();
            logIn(administrator[0], administrator[1]);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("overview")));
        }
    }

    /** Sets a field as a picker would (Chromium's month and date pickers read typed text by locale); tells the page. */
    private static void setValue(String id, String value) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const field = document.getElementById(arguments[0]); field.value = arguments[1];"
                        + "field.dispatchEvent(new Event('change'));", id, value);
    }

    private static String attribute(String css, String name) {
        return wait.ignoring(StaleElementReferenceException.class)
                .until(driver -> String.valueOf(driver.findElement(By.cssSelector(css)).getAttribute(name)));
    }

    /**
     * This month at a branch of its own: a referrer who buys brings two friends, one of whom buys.
     * Active: the referrer and the buying friend (2), of whom the referrer referred (1); the month's
     * friends: 2, of whom 1 bought.
     */
    private static String scriptedMonth() {
        String branch = RunningPlatform.openBranch("console-" + UUID.randomUUID().toString().substring(0, 8));
        String referrer = Signups.register("Console Referrer", null, branch);
        purchase(referrer, branch);
        String code = Signups.codeOf(referrer);
        String friend = Signups.register("Console Friend", code, branch);
        Signups.register("Console Friend Two", code, branch);
        purchase(friend, branch);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/kpis?branch=" + branch)
                .then().statusCode(200)
                .body("months[0].kpis.find { it.id == 'REFERRAL_RATE' }.numerator", equalTo(1))
                .body("months[0].kpis.find { it.id == 'REFERRAL_RATE' }.denominator", equalTo(2))
                .body("months[0].kpis.find { it.id == 'REFERRAL_CONVERSION' }.numerator", equalTo(1))
                .body("months[0].kpis.find { it.id == 'REFERRAL_CONVERSION' }.denominator", equalTo(2)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/follow-ups?branch=" + branch)
                .then().statusCode(200).body("total", equalTo(1)));
        return branch;
    }

    private static void purchase(String member, String branch) {
        given().contentType(ContentType.JSON).body(Map.of("memberId", member, "externalTransactionId",
                "till-" + UUID.randomUUID(), "amountFen", 80_000, "branch", branch))
                .post("/api/purchases").then().statusCode(201);
    }

    private static void logIn(String username, String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }

    /** An element's text; the page redraws its cards when an answer arrives, so a vanished element is looked up again. */
    private static String text(String css) {
        return wait.ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(By.cssSelector(css)).getText());
    }
}
