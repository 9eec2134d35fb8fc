package io.kinlink.gateway;

import java.net.ConnectException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
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
            "authorization");

    private final HttpClient client;
    private final GatewaySettings settings;
    private final ForwardedIdentity identity;
    private final Callers callers;

    ServiceProxy(HttpClient client, GatewaySettings settings, ForwardedIdentity identity, Callers callers) {
        this.client = client;
        this.settings = settings;
        this.identity = identity;
        this.callers = callers;
    }

    void forward(RoutingContext ctx) {
        String path = ctx.request().path();
        String service = RouteTable.serviceFor(path).orElse(null);
        URI base = service == null ? null : settings.services().get(service);
        if (base == null) {
            Problems.send(ctx, 404, "not-found", "Not found", "No resource at " + path);
            return;
        }
        Callers.Caller caller;
        try {
            caller = callers.of(ctx.request().getHeader("Authorization"));
        } catch (Callers.RefusedCredentials refused) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            Problems.send(ctx, 401, "unauthenticated", "Not authenticated", refused.getMessage());
            return;
        }
        long started = System.nanoTime();
        String requestId = ctx.get(RequestIds.CONTEXT_KEY);
        RequestOptions options = new RequestOptions()
                .setMethod(ctx.request().method())
                .setAbsoluteURI(base.resolve(ctx.request().uri()).toString())
                .setIdleTimeout(settings.timeout().toMillis())
                .setHeaders(forwardedHeaders(ctx, requestId, ClientAddress.of(ctx, settings)));
        options.getHeaders().set("Authorization", "Bearer " + identity.tokenFor(caller));
        Buffer body = ctx.body().buffer();
        client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(payload -> new Answer(response, payload)))
                .onSuccess(answer -> relay(ctx, answer))
                .onFailure(failure -> unreachable(ctx, service, failure))
                .onComplete(done -> LOG.infof("%s %s -> %s %d in %d ms [%s]", ctx.request().method(), path, service,
                        ctx.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000, requestId));
    }

    /** @param client the caller's address as far as we can trust it: services see it as X-Forwarded-For */
    private static MultiMap forwardedHeaders(RoutingContext ctx, String requestId, String client) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        ctx.request().headers().forEach(header -> {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
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

    private static void relay(RoutingContext ctx, Answer answer) {
        ctx.response().setStatusCode(answer.response().statusCode());
        answer.response().headers().forEach(header -> {
            String name = header.getKey().toLowerCase(java.util.Locale.ROOT);
            if (!NOT_FORWARDED.contains(name) && !name.equals(RequestIds.HEADER.toLowerCase(java.util.Locale.ROOT))) {
                ctx.response().headers().add(header.getKey(), header.getValue());
            }
        });
        ctx.response().end(answer.payload());
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
