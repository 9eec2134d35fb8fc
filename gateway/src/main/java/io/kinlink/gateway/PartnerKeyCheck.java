package io.kinlink.gateway;

import java.net.URI;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/**
 * A partner's API key ({@code X-Api-Key}, or a bearer token starting {@code klk_}) is checked by
 * the member service, which also says whether the member the request is about lies within the
 * key's branches. A check (its answer, or the one still under way) serves every request with the
 * same key and member for {@code kinlink.gateway.partner-key-reuse} (1 s), so a revoked key is
 * refused within that and a till's burst costs the member service one call.
 */
final class PartnerKeyCheck {

    static final String HEADER = "X-Api-Key";
    private static final Pattern MEMBER_PATH = Pattern.compile("/api/members/([0-9a-fA-F-]{36})(/.*)?");

    private final HttpClient client;
    private final URI memberService;
    private final ForwardedIdentity identity;
    private final GatewaySettings settings;
    private final ReuseWindow<Asked, Future<Callers.VerifiedCaller>> checks;

    PartnerKeyCheck(HttpClient client, GatewaySettings settings, ForwardedIdentity identity, MeterRegistry registry) {
        this.client = client;
        this.settings = settings;
        this.memberService = settings.services().get("member");
        this.identity = identity;
        this.checks = new ReuseWindow<>("gateway.partner-key-checks", settings.partnerKeyReuse(), 50_000, registry);
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
        Asked asked = new Asked(key, member.matches() ? member.group(1).toLowerCase() : null);
        Future<Callers.VerifiedCaller> check = checks.get(asked, this::ask);
        // an unreachable member service is not an answer: the next request asks again
        check.onFailure(failure -> {
            if (!(failure instanceof Callers.RefusedCredentials)) {
                checks.forget(asked, check);
            }
        });
        return CallersContext.answerHere(check);
    }

    private Future<Callers.VerifiedCaller> ask(Asked asked) {
        JsonObject check = new JsonObject().put("key", asked.key()).put("memberId", asked.memberId());
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

    private record Asked(String key, String memberId) {
    }
}
