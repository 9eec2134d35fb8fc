package io.kinlink.gateway;

import java.util.List;

import io.vertx.ext.web.RoutingContext;

/**
 * The caller's address. X-Forwarded-For is believed only from the configured trusted proxies
 * (the ingress in front of the gateway); anyone else could write anything there.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(RoutingContext ctx, GatewaySettings settings) {
        String peer = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        List<String> trusted = settings.trustedProxies().orElse(List.of());
        String forwarded = ctx.request().getHeader("X-Forwarded-For");
        if (forwarded == null || !trusted.contains(peer)) {
            return peer;
        }
        // the right-most address not one of our proxies is the client
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!trusted.contains(hop) && !hop.isEmpty()) {
                return hop;
            }
        }
        return peer;
    }
}
