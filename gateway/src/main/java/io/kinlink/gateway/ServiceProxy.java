package io.kinlink.gateway;

import java.net.URI;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.kinlink.edge.telemetry.LogContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;

/**
 * Forwards a request to the service that owns its path: who the caller is (a token, a partner key
 * or nobody), whether they may go there, and their identity as the gateway vouches for it; the
 * headers that cross are {@link ForwardedHeaders}', the answer and failures {@link UpstreamAnswers}'.
 */
final class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);

    private final HttpClient client;
    private final GatewaySettings settings;
    private final ForwardedIdentity identity;
    private final Callers callers;
    private final PartnerKeyCheck partnerKeys;
    private final SharedRateLimits limits;
    private final UpstreamCalls upstreamCalls;

    ServiceProxy(HttpClient client, GatewaySettings settings, ForwardedIdentity identity, Callers callers,
                 SharedRateLimits limits, UpstreamCalls upstreamCalls, MeterRegistry registry) {
        this.client = client;
        this.settings = settings;
        this.identity = identity;
        this.callers = callers;
        this.limits = limits;
        this.upstreamCalls = upstreamCalls;
        this.partnerKeys = new PartnerKeyCheck(client, settings, identity, registry);
    }

    void forward(RoutingContext ctx) {
        String apiKey = PartnerKeyCheck.presented(ctx.request());
        if (apiKey == null) {
            try {
                forwardFor(ctx, callers.of(ConsoleSession.authorizationOf(ctx)));
            } catch (Callers.RefusedCredentials refused) {
                unauthenticated(ctx, refused.getMessage());
            }
            return;
        }
        partnerOf(ctx).onSuccess(partner -> forwardFor(ctx, partner));
    }

    /**
     * The partner whose key the request presents; a key that is not live is answered 401 (and a
     * member service that cannot be reached 503) here, and the future fails.
     */
    Future<Callers.VerifiedCaller> partnerOf(RoutingContext ctx) {
        return partnerKeys.callerFor(PartnerKeyCheck.presented(ctx.request()), ctx.request().path())
                .onFailure(failure -> {
                    if (failure instanceof Callers.RefusedCredentials refused) {
                        unauthenticated(ctx, refused.getMessage());
                    } else {
                        UpstreamAnswers.unreachable(ctx, "member", failure);
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
        String query = ctx.request().query();
        String pathAndQuery = query == null ? path : path + "?" + query;
        if ("partner".equals(caller.kind())) {
            // each key has its own limit, set by the operator who made it, counted by all replicas together
            int perMinute = caller.requestsPerMinute();
            limits.secondsUntilAllowed("key|" + caller.subject(), perMinute, Math.max(10, perMinute / 4))
                    .onComplete(wait -> {
                        if (wait.failed() || wait.result() == 0) {
                            stream(ctx, caller, service, route.route(), pathAndQuery);
                        } else {
                            overKeyLimit(ctx, perMinute, wait.result());
                        }
                    });
            return;
        }
        stream(ctx, caller, service, route.route(), pathAndQuery);
    }

    /** The request to its service and the answer back, both streamed. */
    private void stream(RoutingContext ctx, Callers.VerifiedCaller caller, String service, String route,
                        String pathAndQuery) {
        // streamed, not read whole: an export of any size passes through a few buffers of the gateway's memory
        Outgoing outgoing = outgoing(ctx, caller, service, route, pathAndQuery);
        Buffer body = ctx.body().buffer();
        client.request(outgoing.options())
                .compose(request -> body == null ? request.send() : request.send(body))
                .onSuccess(response -> UpstreamAnswers.stream(ctx, response)
                        .onComplete(done -> outgoing.finished(ctx, response.statusCode())))
                .onFailure(failure -> {
                    outgoing.finished(ctx, statusFor(failure));
                    UpstreamAnswers.unreachable(ctx, service, failure);
                });
    }

    /**
     * Sends a request on to {@code service} as the caller (the identity the gateway vouches for, the
     * request id, the trace), as a client span and a log line; the answer read whole, for the
     * gateway's own compositions.
     */
    Future<UpstreamAnswers.Answer> send(RoutingContext ctx, Callers.VerifiedCaller caller, String service,
                                        String route, String pathAndQuery, Buffer body) {
        Outgoing outgoing = outgoing(ctx, caller, service, route, pathAndQuery);
        return client.request(outgoing.options())
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(payload -> new UpstreamAnswers.Answer(response, payload)))
                .onComplete(done -> outgoing.finished(ctx, done.succeeded() ? done.result().response().statusCode()
                        : statusFor(done.cause())));
    }

    private Outgoing outgoing(RoutingContext ctx, Callers.VerifiedCaller caller, String service, String route,
                              String pathAndQuery) {
        String requestId = ctx.get(RequestIds.CONTEXT_KEY);
        RequestOptions options = new RequestOptions()
                .setMethod(ctx.request().method())
                .setAbsoluteURI(settings.services().get(service).resolve(pathAndQuery).toString())
                .setIdleTimeout(settings.timeout().toMillis())
                .setHeaders(ForwardedHeaders.toService(ctx, requestId, ClientAddress.of(ctx, settings)));
        options.getHeaders().set("Authorization", "Bearer " + identity.tokenFor(caller));
        UpstreamCalls.Call call = upstreamCalls.start(service, route);
        return new Outgoing(options, call, service, route, requestId, System.nanoTime());
    }

    private static int statusFor(Throwable failure) {
        return failure instanceof TimeoutException ? 504 : 503;
    }

    /** A request on its way to a service: what is sent, and its metric and log line once it is over. */
    private record Outgoing(RequestOptions options, UpstreamCalls.Call call, String service, String route,
                            String requestId, long started) {
        void finished(RoutingContext ctx, int status) {
            call.finished(status);
            try (LogContext logged = LogContext.of(requestId)) {
                LOG.infof("%s %s -> %s %d in %d ms", ctx.request().method(), route, service, status,
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    private static void overKeyLimit(RoutingContext ctx, int perMinute, long wait) {
        ctx.response().putHeader("Retry-After", Long.toString(wait));
        Problems.send(ctx, 429, "too-many-requests", "Too many requests",
                "This API key is over its limit of " + perMinute + " requests a minute; try again in " + wait + " s");
    }

    static void unauthenticated(RoutingContext ctx, String detail) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        Problems.send(ctx, 401, "unauthenticated", "Not authenticated", detail);
    }
}
