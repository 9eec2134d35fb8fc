package io.kinlink.gateway;

import java.util.List;
import java.util.Set;

import io.kinlink.edge.EdgeHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * What every request meets before it is forwarded: CORS for the app's configured origins,
 * security headers on every answer, and rate limits with 429 and Retry-After.
 */
final class FrontDoor {

    // not the console's header: a page on another origin may never send the console's cookie
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-Api-Key, X-Request-Id";
    private static final String EXPOSED_HEADERS = "X-Request-Id, Retry-After, Location";
    private static final Set<HttpMethod> ALLOWED_METHODS = Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE);

    private final GatewaySettings settings;
    private final RateLimiter limiter;
    private final SharedRateLimits shared;

    FrontDoor(GatewaySettings settings, RateLimiter limiter, SharedRateLimits shared) {
        this.settings = settings;
        this.limiter = limiter;
        this.shared = shared;
    }

    void securityHeaders(RoutingContext ctx) {
        ctx.addHeadersEndHandler(done -> EdgeHeaders.apply(ctx.response().headers()));
        ctx.next();
    }

    /**
     * The URL and header limits, answered as problems. The HTTP layer's own limits are set far
     * above these (see application.properties), so that only a grossly oversized request meets
     * the HTTP layer's bare refusal.
     */
    void requestLimits(RoutingContext ctx) {
        if (ctx.request().uri().length() > settings.maxUrlLength()) {
            Problems.send(ctx, 414, "uri-too-long", "URI too long",
                    "The URL is longer than " + settings.maxUrlLength() + " characters");
            return;
        }
        int headerBytes = 0;
        for (var header : ctx.request().headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > settings.maxHeaderBytes()) {
            Problems.send(ctx, 431, "request-header-fields-too-large", "Request header fields too large",
                    "The request's headers are larger than " + settings.maxHeaderBytes() + " bytes");
            return;
        }
        var headers = ctx.request().headers();
        if (headers.contains("Transfer-Encoding") && headers.contains("Content-Length")) {
            Problems.send(ctx, 400, "ambiguous-framing", "Malformed request",
                    "A request may carry Content-Length or Transfer-Encoding, not both");
            return;
        }
        ctx.next();
    }

    /** Answers preflights itself; marks actual cross-origin answers for allowed origins only. */
    void cors(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        boolean allowed = origin != null && settings.corsOrigins().orElse(List.of()).contains(origin);
        boolean preflight = ctx.request().method() == HttpMethod.OPTIONS
                && ctx.request().getHeader("Access-Control-Request-Method") != null;
        if (preflight) {
            if (!allowed || !ALLOWED_METHODS.contains(HttpMethod.valueOf(
                    ctx.request().getHeader("Access-Control-Request-Method")))) {
                Problems.send(ctx, 403, "cors-refused", "Origin not allowed",
                        "Cross-origin requests from " + origin + " are not allowed");
                return;
            }
            ctx.response().setStatusCode(204)
                    .putHeader("Access-Control-Allow-Origin", origin)
                    .putHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE")
                    .putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                    .putHeader("Access-Control-Max-Age", "600")
                    .putHeader("Vary", "Origin")
                    .end();
            return;
        }
        if (allowed) {
            ctx.response().putHeader("Access-Control-Allow-Origin", origin)
                    .putHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS)
                    .putHeader("Vary", "Origin");
        }
        ctx.next();
    }

    void rateLimit(RoutingContext ctx) {
        RateLimitPolicy policy = RateLimitPolicy.of(ctx.request().method().name(), ctx.request().path());
        GatewaySettings.Limit limit = policy.limitIn(settings).orElse(null);
        if (limit == null) {
            ctx.next();
            return;
        }
        String key = policy + "|" + ClientAddress.of(ctx, settings);
        if (!policy.shared()) {
            admitOrRefuse(ctx, limiter.secondsUntilAllowed(key, limit.perMinute(), limit.burst()));
            return;
        }
        shared.secondsUntilAllowed(key, limit.perMinute(), limit.burst()).onComplete(wait -> admitOrRefuse(ctx,
                wait.succeeded() ? wait.result() : limiter.secondsUntilAllowed(key, limit.perMinute(), limit.burst())));
    }

    private static void admitOrRefuse(RoutingContext ctx, long wait) {
        if (wait > 0) {
            ctx.response().putHeader("Retry-After", Long.toString(wait));
            Problems.send(ctx, 429, "too-many-requests", "Too many requests",
                    "Too many requests from this address; try again in " + wait + " s");
            return;
        }
        ctx.next();
    }
}
