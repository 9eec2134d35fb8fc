package io.kinlink.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    /** A member as the benchmark knows them: id and phone (to log in with). */
    record Registered(String id, String phone) {
    }

    /** A new member of the branch, with a referral code when given. */
    Registered register(String referralCode) throws IOException, InterruptedException {
        String phone = randomPhone();
        return new Registered(field(post("/api/members", null, registration(phone, referralCode)), "id"), phone);
    }

    /** A sign-up as the share page sends it: a new phone and, when given, the inviter's code. */
    HttpRequest registrationRequest(String referralCode) {
        return HttpRequest.newBuilder(URI.create(url + "/api/members")).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(registration(randomPhone(), referralCode))).build();
    }

    private static String registration(String phone, String referralCode) {
        String code = referralCode == null ? "" : ",\"referralCode\":\"" + referralCode + "\"";
        return "{\"name\":\"Bench\",\"phone\":\"" + phone + "\",\"branch\":\"" + BRANCH
                + "\",\"marketingConsent\":false,\"privacyNoticeVersion\":1" + code + "}";
    }

    private static String randomPhone() {
        return "13" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    /**
     * Logs a member in as the app does: asks for a code, reads it where the local code sender
     * writes it (the member service's log), trades it for an access token; the Authorization value.
     */
    /** A member's login by SMS code, the code read from whichever member service replica's log sent it. */
    String memberLogin(String phone, List<Path> memberServiceLogs) throws IOException, InterruptedException {
        post("/api/auth/member-code", null, "{\"phone\":\"" + phone + "\"}");
        Pattern line = Pattern.compile("Login code for \\S*\\*{4}" + phone.substring(phone.length() - 4) + ": (\\d{6})");
        for (int tries = 0; tries < 100; tries++) {
            String code = null;
            for (Path memberServiceLog : memberServiceLogs) {
                Matcher found = line.matcher(Files.readString(memberServiceLog));
                while (found.find()) {
                    code = found.group(1);
                }
            }
            if (code != null) {
                return "Bearer " + field(post("/api/auth/member-token", null,
                        "{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}"), "accessToken");
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no login code for a member in " + memberServiceLogs);
    }

    String operatorAuthorization() {
        return operator;
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

    /** A read with a bearer token: a member's own ({@code /api/me/...}) or an operator's. */
    HttpRequest read(String path, String authorization) {
        return HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", authorization)
                .timeout(Duration.ofSeconds(30)).build();
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
