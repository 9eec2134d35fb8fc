package io.kinlink.gateway;

import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.kinlink.edge.HttpRefusals;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * What the caller gets back: the service's answer as it came (a Location pointing into the
 * gateway, never at the service), a problem where the service's HTTP layer refused without a body,
 * and 503 or 504 problems naming the service when it could not be reached or answered too late.
 */
final class UpstreamAnswers {

    private static final Logger LOG = Logger.getLogger(UpstreamAnswers.class);

    /** A service's answer, read whole. */
    record Answer(HttpClientResponse response, Buffer payload) {
    }

    private UpstreamAnswers() {
    }

    static void relay(RoutingContext ctx, Answer answer, URI base) {
        int status = answer.response().statusCode();
        if (status >= 400 && answer.payload().length() == 0 && ctx.request().method() != HttpMethod.HEAD) {
            String reason = answer.response().statusMessage();
            Problems.send(ctx, status, HttpRefusals.slugOf(reason), reason, "The request was refused: " + reason);
            return;
        }
        ctx.response().setStatusCode(status);
        answer.response().headers().forEach(header -> {
            if (header.getKey().equalsIgnoreCase("location")) {
                ctx.response().headers().add(header.getKey(), inGatewaySpace(ctx, base, header.getValue()));
            } else if (ForwardedHeaders.toCaller(header.getKey())) {
                ctx.response().headers().add(header.getKey(), header.getValue());
            }
        });
        ctx.response().end(answer.payload());
    }

    static void unreachable(RoutingContext ctx, String service, Throwable failure) {
        if (failure instanceof TimeoutException) {
            Problems.send(ctx, 504, "service-timeout", "Service timed out",
                    "The " + service + " service did not answer in time; try again shortly");
            return;
        }
        if (!(failure instanceof ConnectException)) {
            LOG.warnf("Forwarding to %s failed: %s", service, failure.toString());
        }
        Problems.send(ctx, 503, "service-unavailable", "Service unavailable",
                "The " + service + " service cannot be reached right now; try again shortly");
    }

    /** A service's own address never reaches a caller: its Location points at the gateway the caller used. */
    private static String inGatewaySpace(RoutingContext ctx, URI base, String location) {
        if (base == null) {
            return location;
        }
        String serviceOrigin = base.getScheme() + "://" + base.getRawAuthority();
        if (!location.startsWith(serviceOrigin) || ctx.request().authority() == null) {
            return location;
        }
        return ctx.request().scheme() + "://" + ctx.request().authority() + location.substring(serviceOrigin.length());
    }
}
