package io.kinlink.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The services answer only through the gateway: reached directly, without its signed identity,
 * they say 401 with a problem that says so; operators' views need an operator's login.
 */
class DirectAccessIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static int status(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void operator_views_need_an_operators_login_and_a_forged_token_is_refused_at_the_gateway() throws Exception {
        String funnel = RunningPlatform.gatewayUrl() + "/api/referrals/funnel";
        assertEquals(401, status(funnel, null), "strangers are asked to log in");
        assertEquals(401, status(funnel, "Bearer made-up"));
        assertEquals(200, status(funnel, RunningPlatform.operatorAuthorization()));
    }

    @Test
    void every_service_reached_directly_answers_401_and_through_the_gateway_answers() throws Exception {
        String member = UUID.randomUUID().toString();
        Map<String, String> paths = Map.of(
                "member-service", "/api/members?size=1",
                "referral-service", "/api/referrals/rejections",
                "rewards-service", "/api/members/" + member + "/rewards/balance");
        Map<String, String> services = RunningPlatform.serviceUrls();
        for (Map.Entry<String, String> path : paths.entrySet()) {
            String direct = services.get(path.getKey()) + path.getValue();
            assertEquals(401, status(direct, null), direct);
            assertEquals(401, status(direct, "Bearer made-up"), direct);
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(direct)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""), direct);
            assertTrue(refused.body().contains("call it through the gateway"), refused.body());
            assertEquals(200, status(RunningPlatform.gatewayUrl() + path.getValue(),
                    RunningPlatform.operatorAuthorization()), "through the gateway, as an operator");
        }
    }
}
