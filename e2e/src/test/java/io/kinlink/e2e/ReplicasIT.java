package io.kinlink.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.kinlink.testsupport.EmbeddedKafka;
import io.kinlink.testsupport.Infrastructure;
import io.kinlink.testsupport.KinlinkPlatform;
import io.kinlink.testsupport.PortForwarder;
import io.kinlink.testsupport.RandomKeys;
import io.kinlink.testsupport.ServiceProcess;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The platform as production runs it: two replicas of each domain service and two gateways, each
 * kind behind a local balancer (as behind a Kubernetes Service), on a Kafka broker of its own (its
 * consumer groups must not share the other tests' topics). What only several replicas can get
 * wrong: limits counted per replica, a revocation one replica has not heard of, events consumed by
 * two members of a group.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    private static final Map<String, String> SECRETS = RandomKeys.serviceSecrets();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern LEASES = Pattern.compile("(?m)^gateway_rate_limits_leases_total(?:\\{[^}]*})? ([0-9.E]+)");
    private static EmbeddedKafka kafka;
    private static KinlinkPlatform platform;
    private static String operator;
    private static RequestSpecification othersDefaults;

    @BeforeAll
    static void twoOfEach() {
        // another class's default request (its platform's operator login) would be refused by these gateways
        othersDefaults = RestAssured.requestSpecification;
        RestAssured.requestSpecification = null;
        Path root = Path.of(System.getProperty("kinlink.root", ".."));
        kafka = EmbeddedKafka.startTemporary();
        // sign-ups and share links from this one address far above a person's limits; logins as shipped (10 a minute)
        Map<String, String> limits = Map.of(
                "KINLINK_GATEWAY_RATE_LIMITS_REGISTRATION_PER_MINUTE", "6000",
                "KINLINK_GATEWAY_RATE_LIMITS_REGISTRATION_BURST", "1000",
                "KINLINK_GATEWAY_RATE_LIMITS_GENERAL_PER_MINUTE", "60000",
                "KINLINK_GATEWAY_RATE_LIMITS_GENERAL_BURST", "10000");
        platform = KinlinkPlatform.start(root, kafka.bootstrapServers(), Infrastructure.shared().databaseServer(),
                "replicas", PortForwarder.freePorts(4), SECRETS, limits, RunningPlatform.SERVICE_SETTINGS,
                root.resolve("e2e/target/service-logs/replicas"), KinlinkPlatform.Replicas.of(2));
        operator = "Bearer " + given().baseUri(platform.gatewayUrl()).contentType(ContentType.JSON)
                .body(Map.of("username", SECRETS.get(RandomKeys.ADMIN_USERNAME),
                        "password", SECRETS.get(RandomKeys.ADMIN_PASSWORD)))
                .post("/api/auth/operator-token").then().statusCode(200).extract().path("accessToken");
    }

    @AfterAll
    static void stop() {
        RestAssured.requestSpecification = othersDefaults;
        if (platform != null) {
            platform.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static RequestSpecification api() {
        return given().baseUri(platform.gatewayUrl());
    }

    private static String[] partnerKey(int perMinute) {
        var created = api().header("Authorization", operator).contentType(ContentType.JSON)
                .body(Map.of("name", "Till " + perMinute, "branches", List.of("shanghai-jingan"), "requestsPerMinute", perMinute))
                .post("/api/partner-keys").then().statusCode(201).extract();
        return new String[] {created.path("partnerKey.id"), created.path("key")};
    }

    private static String register(String name, String referralCode) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name,
                "phone", "13" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)),
                "branch", "shanghai-jingan", "marketingConsent", true, "privacyNoticeVersion",
                api().get("/api/privacy-notice").then().extract().path("version")));
        if (referralCode != null) {
            body.put("referralCode", referralCode);
        }
        return api().contentType(ContentType.JSON).body(body).post("/api/members").then().statusCode(201).extract().path("id");
    }

    @Test
    @Order(1)
    void a_friends_purchase_pays_the_referrer_once_with_every_consumer_group_split_over_two_replicas() {
        String alice = register("Alice", null);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api().header("Authorization", operator)
                .get("/api/members/" + alice + "/referral-code").then().statusCode(200));
        String code = api().header("Authorization", operator).get("/api/members/" + alice + "/referral-code")
                .then().extract().path("code");
        String bob = register("Bob", code);
        String till = partnerKey(60_000)[1];
        for (int amountFen : List.of(128_000, 10_000)) {
            api().header("X-Api-Key", till).contentType(ContentType.JSON)
                    .body(Map.of("memberId", bob, "externalTransactionId", "till-" + UUID.randomUUID(),
                            "amountFen", amountFen, "branch", "shanghai-jingan"))
                    .post("/api/purchases").then().statusCode(201);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api().header("Authorization", operator)
                .get("/api/members/" + alice + "/rewards/balance").then().statusCode(200)
                .body("pendingPoints", equalTo(6_400 + 500)));
        api().header("Authorization", operator).get("/api/members/" + alice + "/rewards/history").then()
                .body("size()", equalTo(2));
    }

    @Test
    @Order(2)
    void a_partner_keys_rate_holds_across_two_gateways_and_both_gateways_serve() throws Exception {
        String[] key = partnerKey(60);
        String member = register("Carol", null);
        Map<ServiceProcess, Double> leasesBefore = leasesByGateway();
        // the burst first (a quarter of a minute's rate, at least 10), then the sustained rate
        int served = 0;
        while (get(member, key[1]) == 200) {
            served++;
            assertTrue(served <= 20, "the burst of 15 ends, whichever gateway a request reaches");
        }
        long start = System.nanoTime();
        int sustained = 0;
        while (System.nanoTime() - start < Duration.ofSeconds(20).toNanos()) {
            if (get(member, key[1]) == 200) {
                sustained++;
            }
            Thread.sleep(100);
        }
        // 60 a minute for 20 s is 20; two gateways counting alone would let 40 through. The tolerance:
        // a token a replica leased and has not spent yet (one each here) and the refill while the burst drained.
        assertTrue(sustained >= 17 && sustained <= 23, "served " + sustained + " in 20 s at 60 a minute");
        Map<ServiceProcess, Double> leasesAfter = leasesByGateway();
        leasesAfter.forEach((gateway, leases) -> assertTrue(leases > leasesBefore.get(gateway),
                "gateway " + gateway.replica() + " served and leased its tokens"));
    }

    @Test
    @Order(3)
    void a_revoked_key_is_refused_by_every_gateway_within_a_second() throws Exception {
        String[] key = partnerKey(60_000);
        String member = register("Dan", null);
        // both gateways have checked the key and reuse their answer
        for (int i = 0; i < 6; i++) {
            assertEquals(200, get(member, key[1]));
        }
        api().header("Authorization", operator).post("/api/partner-keys/" + key[0] + "/revoke").then().statusCode(200);
        Thread.sleep(1_200);
        for (int i = 0; i < 10; i++) {
            assertEquals(401, get(member, key[1]), "request " + i + " after the revocation");
        }
    }

    @Test
    @Order(4)
    void wrong_passwords_are_counted_by_both_gateways_together() {
        long start = System.nanoTime();
        int answered = 0;
        for (int attempt = 0; attempt < 30; attempt++) {
            int status = api().contentType(ContentType.JSON)
                    .body(Map.of("username", "nobody-" + attempt, "password", "wrong password " + attempt))
                    .post("/api/auth/operator-token").then().extract().statusCode();
            if (status != 429) {
                answered++;
            }
        }
        // the login limit is 10 a minute with a burst of 10 per address, whichever gateway answers, plus
        // what refills while the attempts last (a wrong password takes the deliberately slow hash, about
        // a second here); two gateways counting alone would answer twice that
        double seconds = (System.nanoTime() - start) / 1e9;
        long allowed = 10 + (long) Math.ceil(seconds * 10 / 60);
        assertTrue(answered <= allowed, answered + " of 30 attempts in " + Math.round(seconds) + " s were answered, "
                + "more than the " + allowed + " one shared limit allows");
        assertTrue(answered >= 5, "the limit let the first attempts through: " + answered);
    }

    /** A till's read, on a connection of its own: the balancer spreads connections, not requests. */
    private static int get(String member, String key) {
        return api().header("X-Api-Key", key).get("/api/members/" + member).then().extract().statusCode();
    }

    private static Map<ServiceProcess, Double> leasesByGateway() throws Exception {
        Map<ServiceProcess, Double> leases = new HashMap<>();
        for (ServiceProcess gateway : platform.gateways()) {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.managementUrl() + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher count = LEASES.matcher(metrics);
            leases.put(gateway, count.find() ? Double.parseDouble(count.group(1)) : 0.0);
        }
        return leases;
    }
}
