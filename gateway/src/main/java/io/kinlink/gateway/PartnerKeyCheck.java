package io.kinlink.gateway;

import java.net.URI;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/**
 * A partner's API key ({@code X-Api-Key}, or a bearer token starting {@code klk_}) is checked by
 * the member service on every request, without caching, so a revoked key fails at once. The same
 * call says whether the member the request is about lies within the key's branches.
 */
final class PartnerKeyCheck {

    static final String HEADER = "X-Api-Key";
    private static final Pattern MEMBER_PATH = Pattern.compile("/api/members/([0-9a-fA-F-]{36})(/.*)?");

    private final HttpClient client;
    private final URI memberService;
    private final ForwardedIdentity identity;
    private final GatewaySettings settings;

    PartnerKeyCheck(HttpClient client, GatewaySettings settings, ForwardedIdentity identity) {
        this.client = client;
        this.settings = settings;
        this.memberService = settings.services().get("member");
        this.identity = identity;
    }

    /** The key a request presents, or null. */
    static String presented(HttpServerRequest request) {
        String key = request.getHeader(HEADER);
        if (key != null) {
            return key.strip();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer klk_", 0, 11)) {
            return authorization.substring(7).strip();
        }
        return null;
    }

    /** The partner holding the key; fails with RefusedCredentials for a key that is not live. */
    Future<Callers.VerifiedCaller> callerFor(String key, String path) {
        Matcher member = MEMBER_PATH.matcher(path);
        JsonObject check = new JsonObject().put("key", key).put("memberId", member.matches() ? member.group(1) : null);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(memberService.resolve("/internal/partner-keys/verification").toString())
                .setIdleTimeout(settings.timeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("Authorization", "Bearer " + identity.gatewayToken());
        return client.request(options)
                .compose(request -> request.send(check.encode()))
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() == 401 || response.statusCode() == 400) {
                        throw new Callers.RefusedCredentials("The API key is unknown or revoked");
                    }
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("The key check answered " + response.statusCode());
                    }
                    JsonObject verified = body.toJsonObject();
                    return new Callers.VerifiedCaller("partner", verified.getString("keyId"), Set.of("partner"),
                            verified.getJsonArray("branches").getList().stream().map(Object::toString).toList(),
                            verified.getString("confirmedMember"), verified.getInteger("requestsPerMinute"), null);
                }));
    }
}
