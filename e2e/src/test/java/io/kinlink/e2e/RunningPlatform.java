package io.kinlink.e2e;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.kinlink.testsupport.Infrastructure;
import io.kinlink.testsupport.KinlinkPlatform;
import io.kinlink.testsupport.RandomKeys;

/** The packaged platform, started once for all e2e tests of this JVM on its real Kafka and PostgreSQL. */
final class RunningPlatform {

    private static KinlinkPlatform platform;
    private static final Map<String, String> SECRETS = RandomKeys.serviceSecrets();
    private static String operatorToken;

    private RunningPlatform() {
    }

    static synchronized String gatewayUrl() {
        if (platform == null) {
            Path root = Path.of(System.getProperty("kinlink.root", ".."));
            Infrastructure infrastructure = Infrastructure.shared();
            // The tests sign up many members and poll from one address within a minute: far above a person's limits.
            Map<String, String> generousLimits = Map.of(
                    "KINLINK_GATEWAY_RATE_LIMITS_REGISTRATION_PER_MINUTE", "6000",
                    "KINLINK_GATEWAY_RATE_LIMITS_REGISTRATION_BURST", "1000",
                    "KINLINK_GATEWAY_RATE_LIMITS_LANDING_PER_MINUTE", "6000",
                    "KINLINK_GATEWAY_RATE_LIMITS_LANDING_BURST", "1000",
                    "KINLINK_GATEWAY_RATE_LIMITS_GENERAL_PER_MINUTE", "60000",
                    "KINLINK_GATEWAY_RATE_LIMITS_GENERAL_BURST", "10000");
            platform = KinlinkPlatform.start(root, infrastructure.kafkaBootstrapServers(),
                    infrastructure.databaseServer(), "e2e", freePorts(4), SECRETS, generousLimits,
                    root.resolve("e2e/target/service-logs"));
            Infrastructure.stopBeforeServers(platform::close);
        }
        return platform.gatewayUrl();
    }

    /** "Bearer ..." for the bootstrapped administrator, logged in through the gateway once. */
    static synchronized String operatorAuthorization() {
        if (operatorToken == null) {
            operatorToken = io.restassured.RestAssured.given().baseUri(gatewayUrl())
                    .contentType(io.restassured.http.ContentType.JSON)
                    .body(Map.of("username", SECRETS.get(RandomKeys.ADMIN_USERNAME),
                            "password", SECRETS.get(RandomKeys.ADMIN_PASSWORD)))
                    .post("/api/auth/operator-token").then().statusCode(200).extract().path("accessToken");
        }
        return "Bearer " + operatorToken;
    }

    /** Each domain service's own address, bypassing the gateway. */
    static synchronized Map<String, String> serviceUrls() {
        gatewayUrl();
        Map<String, String> urls = new java.util.TreeMap<>();
        platform.services().forEach(service -> urls.put(service.name(), service.url()));
        return urls;
    }

    static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } finally {
            sockets.forEach(socket -> {
                try {
                    socket.close();
                } catch (java.io.IOException ignored) {
                    // released
                }
            });
        }
    }
}
