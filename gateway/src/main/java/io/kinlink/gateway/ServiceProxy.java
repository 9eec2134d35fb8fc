package io.kinlink.gateway;

import java.net.ConnectException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.kinlink.edge.HttpRefusals;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;

/** Forwards a request to the service that owns its path and relays the answer. */
final class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    /**
     * Not passed on: hop-by-hop headers (RFC 9110, 7.6.1), which belong to one connection, and the
     * caller's credentials.
     */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
            // the caller's credentials stop here; the service gets the identity the gateway vouches for
            "authorization", "x-api-key");

    private final HttpClient client;
    private final GatewaySettings settings;
    private final ForwardedIdentity identity;
    private final Callers callers;
    private final PartnerKeyCheck partnerKeys;
    private final RateLimiter limiter;
    private final UpstreamCalls upstreamCalls;

    ServiceProxy(HttpClient client, GatewaySettings settings, ForwardedIdentity identity, Callers callers,
                 RateLimiter limiter, UpstreamCalls upstreamCalls) {
        this.client = client;
        this.settings = settings;
        this.identity = identity;
        this.callers = callers;
        this.limiter = limiter;
        this.upstreamCalls = upstreamCalls;
        this.partnerKeys = new PartnerKeyCheck(client, settings, identity);
    }

    void forward(RoutingContext ctx) {
        String apiKey = PartnerKeyCheck.presented(ctx.request());
        if (apiKey == null) {
            try {
                forwardFor(ctx, callers.of(ctx.request().getHeader("Authorization")));
            } catch (Callers.RefusedCredentials refused) {
                unauthenticated(ctx, refused.getMessage());
            }
            return;
        }
        partnerKeys.callerFor(apiKey, ctx.request().path())
                .onSuccess(partner -> forwardFor(ctx, partner))
                .onFailure(failure -> {
                    if (failure instanceof Callers.RefusedCredentials refused) {
                        unauthenticated(ctx, refused.getMessage());
                    } else {
                        unreachable(ctx, "member", failure);
                    }
                });
    }

    private void forwardFor(RoutingContext ctx, Callers.VerifiedCaller caller) {
        String path = ctx.request().path();
        if (CallerPaths.isMine(path)) {
            if (caller.isAnonymous()) {
                unauthenticated(ctx, "Log in to see your own data");
                return;
            }
            path = CallerPaths.mine(path, caller).orElse(null);
            if (path == null) {
                Problems.send(ctx, 403, "forbidden", "Forbidden", "Only members have /api/me");
                return;
            }
        }
        RouteTable.Match route = RouteTable.routeFor(path).orElse(null);
        String service = route == null ? null : route.service();
        URI base = service == null ? null : settings.services().get(service);
        if (base == null) {
            Problems.send(ctx, 404, "not-found", "Not found", "No resource at " + ctx.request().path());
            return;
        }
        if (caller.isAnonymous() && !CallerPaths.openToAnyone(ctx.request().method().name(), path)) {
            unauthenticated(ctx, "Log in, or call with a partner API key");
            return;
        }
        if ("partner".equals(caller.kind()) && overKeyLimit(ctx, caller)) {
            return;
        }
        String query = ctx.request().query();
        long started = System.nanoTime();
        String requestId = ctx.get(RequestIds.CONTEXT_KEY);
        RequestOptions options = new RequestOptions()
                .setMethod(ctx.request().method())
                .setAbsoluteURI(base.resolve(query == null ? path : path + "?" + query).toString())
                .setIdleTimeout(settings.timeout().toMillis())
                .setHeaders(forwardedHeaders(ctx, requestId, ClientAddress.of(ctx, settings)));
        options.getHeaders().set("Authorization", "Bearer " + identity.tokenFor(caller));
        UpstreamCalls.Call call = upstreamCalls.start(ctx, service, route.route(), requestId);
        call.propagateInto(options.getHeaders());
        Buffer body = ctx.body().buffer();
        client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(payload -> new Answer(response, payload)))
                .onSuccess(answer -> relay(ctx, answer, base))
                .onFailure(failure -> unreachable(ctx, service, failure))
                .onComplete(done -> {
                    int status = ctx.response().getStatusCode();
                    call.finished(status);
                    try (UpstreamCalls.LogContext logged = call.logContext(requestId)) {
                        LOG.infof("%s %s -> %s %d in %d ms", ctx.request().method(), route.route(), service, status,
                                (System.nanoTime() - started) / 1_000_000);
                    }
                });
    }

    /** Each key has its own limit, set by the operator who made it. */
    private boolean overKeyLimit(RoutingContext ctx, Callers.VerifiedCaller partner) {
        int perMinute = partner.requestsPerMinute();
        long wait = limiter.secondsUntilAllowed("key|" + partner.subject(), perMinute, Math.max(10, perMinute / 4));
        if (wait > 0) {
            ctx.response().putHeader("Retry-After", Long.toString(wait));
            Problems.send(ctx, 429, "too-many-requests", "Too many requests",
                    "This API key is over its limit of " + perMinute + " requests a minute; try again in " + wait + " s");
            return true;
        }
        return false;
    }

    private static void unauthenticated(RoutingContext ctx, String detail) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        Problems.send(ctx, 401, "unauthenticated", "Not authenticated", detail);
    }

    /** @param client the caller's address as far as we can trust it: services see it as X-Forwarded-For */
    private static MultiMap forwardedHeaders(RoutingContext ctx, String requestId, String client) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        ctx.request().headers().forEach(header -> {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        headers.set(RequestIds.HEADER, requestId);
        headers.set("X-Forwarded-For", client);
        headers.set("X-Forwarded-Proto", ctx.request().scheme());
        if (ctx.request().authority() != null) {
            headers.set("X-Forwarded-Host", ctx.request().authority().toString());
        }
        return headers;
    }

    private void relay(RoutingContext ctx, Answer answer, URI base) {
        int status = answer.response().statusCode();
        if (status >= 400 && answer.payload().length() == 0 && ctx.request().method() != HttpMethod.HEAD) {
            // a service's HTTP layer refused without a body: the caller still gets a problem
            String reason = answer.response().statusMessage();
            Problems.send(ctx, status, HttpRefusals.slugOf(reason), reason,
                    "The request was refused: " + reason);
            return;
        }
        ctx.response().setStatusCode(status);
        answer.response().headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("location")) {
                ctx.response().headers().add(header.getKey(), inGatewaySpace(ctx, base, header.getValue()));
            } else if (!NOT_FORWARDED.contains(name) && !name.equals(RequestIds.HEADER.toLowerCase(Locale.ROOT))) {
                ctx.response().headers().add(header.getKey(), header.getValue());
            }
        });
        ctx.response().end(answer.payload());
    }

    /** A service's own address never reaches a caller: its Location points at the gateway the caller used. */
    private static String inGatewaySpace(RoutingContext ctx, URI base, String location) {
        String serviceOrigin = base.getScheme() + "://" + base.getRawAuthority();
        if (!location.startsWith(serviceOrigin) || ctx.request().authority() == null) {
            return location;
        }
        return ctx.request().scheme() + "://" + ctx.request().authority() + location.substring(serviceOrigin.length());
    }

    private static void unreachable(RoutingContext ctx, String service, Throwable failure) {
        if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
            Problems.send(ctx, 504, "service-timeout", "Service timed out",
                    "The " + service + " service did not answer in time; try again shortly");
        } else {
            if (!(failure instanceof ConnectException)) {
                LOG.warnf("Forwarding to %s failed: %s", service, failure.toString());
            }
            Problems.send(ctx, 503, "service-unavailable", "Service unavailable",
                    "The " + service + " service cannot be reached right now; try again shortly");
        }
    }

    private record Answer(HttpClientResponse response, Buffer payload) {
    }
}
