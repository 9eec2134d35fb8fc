package io.kinlink.gateway;

import java.util.Locale;
import java.util.Set;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Which headers cross the gateway, each way. Hop-by-hop headers (RFC 9110, 7.6.1) belong to one
 * connection and never cross; the caller's credentials stop here (the service gets the identity
 * the gateway vouches for); the request id and the caller's address are the gateway's to set.
 */
final class ForwardedHeaders {

    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
            "authorization", "x-api-key",
            // a caller's trace context never crosses: the service continues the gateway's trace, not the caller's
            "traceparent", "tracestate", "baggage");

    private ForwardedHeaders() {
    }

    /** @param client the caller's address as far as we can trust it: services see it as X-Forwarded-For */
    static MultiMap toService(RoutingContext ctx, String requestId, String client) {
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

    /** Whether a service's answer header goes on to the caller (the gateway sets its own request id). */
    static boolean toCaller(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !NOT_FORWARDED.contains(lower) && !lower.equals(RequestIds.HEADER.toLowerCase(Locale.ROOT));
    }
}
