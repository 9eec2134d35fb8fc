package io.kinlink.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The platform's public API as the benchmark's setup and scenarios use it, through the gateway. */
final class Gateway {

    static final String BRANCH = "shanghai-jingan";
    private static final Pattern FIELD = Pattern.compile("\"(%s)\"\\s*:\\s*\"([^\"]*)\"");

    private final HttpClient client = HttpClient.newHttpClient();
    private final String url;
    private String operator;
    private String partnerKey;

    Gateway(String url) {
        this.url = url;
    }

    void logIn(String username, String password) throws IOException, InterruptedException {
        operator = "Bearer " + field(post("/api/auth/operator-token", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"), "accessToken");
        partnerKey = field(post("/api/partner-keys", operator,
                "{\"name\":\"Benchmark till\",\"branches\":[\"" + BRANCH + "\"],\"requestsPerMinute\":100000}"), "key");
    }

    /** A new member of the branch, with a referral code when given; their id. */
    String register(String referralCode) throws IOException, InterruptedException {
        String phone = "13" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        String code = referralCode == null ? "" : ",\"referralCode\":\"" + referralCode + "\"";
        return field(post("/api/members", null, "{\"name\":\"Bench\",\"phone\":\"" + phone + "\",\"branch\":\""
                + BRANCH + "\",\"marketingConsent\":false,\"privacyNoticeVersion\":1" + code + "}"), "id");
    }

    /** The member's referral code, once the referral service has issued it. */
    String codeOf(String member) throws IOException, InterruptedException {
        for (int tries = 0; tries < 300; tries++) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url + "/api/members/" + member
                    + "/referral-code")).header("Authorization", operator).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                return field(answer.body(), "code");
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no referral code for " + member);
    }

    HttpRequest balance(String member) {
        return HttpRequest.newBuilder(URI.create(url + "/api/members/" + member + "/rewards/balance"))
                .header("X-Api-Key", partnerKey).timeout(Duration.ofSeconds(30)).build();
    }

    HttpRequest purchase(String member, long amountFen) {
        String body = "{\"memberId\":\"" + member + "\",\"externalTransactionId\":\"bench-" + UUID.randomUUID()
                + "\",\"amountFen\":" + amountFen + ",\"branch\":\"" + BRANCH + "\"}";
        return HttpRequest.newBuilder(URI.create(url + "/api/purchases")).header("X-Api-Key", partnerKey)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private String post(String path, String authorization, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile(String.format(FIELD.pattern(), Pattern.quote(name))).matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(2);
    }
}
