package io.kinlink.gateway;

import java.time.Instant;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The console's login, kept in an HttpOnly, SameSite=Strict cookie: the operator's access token
 * never reaches the page's scripts, and another site can neither read it nor have it sent. The API
 * takes the cookie only on requests that also carry {@value #HEADER}, which a cross-site form cannot
 * add and a cross-site script cannot send without the CORS preflight the gateway refuses.
 */
final class ConsoleSession {

    static final String PATH = "/console/session";
    static final String COOKIE = "kinlink_console";
    static final String HEADER = "X-Kinlink-Console";
    private static final String LOGIN = "/api/auth/operator-token";
    private static final String RENEWAL = "/internal/operator-tokens/renewal";
    private static final String RENEWED = "kinlink.console.renewed-token";

    private final ServiceProxy proxy;
    private final Callers callers;
    private final HttpClient client;
    private final GatewaySettings settings;
    private final ForwardedIdentity identity;

    ConsoleSession(ServiceProxy proxy, Callers callers, HttpClient client, GatewaySettings settings,
                   ForwardedIdentity identity) {
        this.proxy = proxy;
        this.callers = callers;
        this.client = client;
        this.settings = settings;
        this.identity = identity;
    }

    /** The Authorization a request carries: its own header, else the console's cookie with the console's header. */
    static String authorizationOf(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null) {
            return header;
        }
        String renewed = ctx.get(RENEWED);
        if (renewed != null) {
            return "Bearer " + renewed;
        }
        Cookie cookie = ctx.request().getCookie(COOKIE);
        return cookie != null && ctx.request().getHeader(HEADER) != null ? "Bearer " + cookie.getValue() : null;
    }

    /** {@code POST {username, password}}: the member service checks them; the token it gives goes into the cookie. */
    void logIn(RoutingContext ctx) {
        proxy.send(ctx, Callers.ANONYMOUS, "member", LOGIN, LOGIN, ctx.body().buffer())
                .onSuccess(answer -> {
                    if (answer.response().statusCode() != 200) {
                        UpstreamAnswers.relay(ctx, answer);
                        return;
                    }
                    JsonObject token = answer.payload().toJsonObject();
                    long lifetime = token.getLong("expiresIn");
                    ctx.response().addCookie(cookie(token.getString("accessToken"), lifetime));
                    ctx.response().putHeader("Content-Type", "application/json")
                            .end(new JsonObject().put("expiresIn", lifetime).encode());
                })
                .onFailure(failure -> UpstreamAnswers.unreachable(ctx, "member", failure));
    }

    /** {@code GET}: who the cookie says is logged in (an operator), or 401 when nobody is. */
    void current(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(COOKIE);
        try {
            Callers.VerifiedCaller caller = callers.of(cookie == null ? null : "Bearer " + cookie.getValue());
            if ("operator".equals(caller.kind())) {
                ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("operator", caller.subject()).put("roles", caller.roles().stream().sorted().toList())
                        .encode());
                return;
            }
        } catch (Callers.RefusedCredentials expired) {
            // an expired or foreign cookie is no login: the console shows its login form
        }
        ServiceProxy.unauthenticated(ctx, "Log in as an operator");
    }

    /**
     * While an operator works in the console, a token near its end is renewed by the member service
     * (within the session limit since the login) and the cookie replaced; an idle console's token
     * simply ends. A failed renewal changes nothing: the current token serves until it expires.
     */
    void renewIfDue(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(COOKIE);
        if (ctx.request().getHeader("Authorization") != null || cookie == null || ctx.request().getHeader(HEADER) == null) {
            ctx.next();
            return;
        }
        JsonObject renewal = callers.operatorClaims(cookie.getValue()).map(this::renewalIfDue).orElse(null);
        if (renewal == null) {
            ctx.next();
            return;
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(settings.services().get("member").resolve(RENEWAL).toString())
                .setIdleTimeout(settings.timeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("Authorization", "Bearer " + identity.gatewayToken());
        client.request(options)
                .compose(request -> request.send(renewal.encode()))
                .compose(response -> response.body().map(body -> response.statusCode() == 200 ? body.toJsonObject() : null))
                .onComplete(done -> {
                    if (done.succeeded() && done.result() != null) {
                        String token = done.result().getString("accessToken");
                        ctx.put(RENEWED, token);
                        ctx.response().addCookie(cookie(token, done.result().getLong("expiresIn")));
                    }
                    ctx.next();
                });
    }

    /** The renewal to ask for, when the token ends soon and names its login time; null otherwise. */
    private JsonObject renewalIfDue(JwtClaims claims) {
        try {
            Object loggedIn = claims.getClaimValue("auth_time");
            Instant expires = Instant.ofEpochSecond(claims.getExpirationTime().getValue());
            if (!(loggedIn instanceof Number) || Instant.now().plus(settings.consoleRenewBefore()).isBefore(expires)) {
                return null;
            }
            return new JsonObject().put("operatorId", claims.getSubject())
                    .put("loggedInAt", Instant.ofEpochSecond(((Number) loggedIn).longValue()).toString());
        } catch (MalformedClaimException e) {
            return null;
        }
    }

    /** {@code DELETE}: the cookie is gone; the token itself ends with its lifetime. */
    void logOut(RoutingContext ctx) {
        ctx.response().addCookie(cookie("", 0)).setStatusCode(204).end();
    }

    private static Cookie cookie(String value, long maxAgeSeconds) {
        return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSecure(true)
                .setSameSite(CookieSameSite.STRICT).setMaxAge(maxAgeSeconds);
    }
}
