package io.kinlink.gateway;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.kinlink.edge.HttpRefusals;
import io.kinlink.edge.RelativeLocations;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * What the caller gets back: the service's answer as it came (a Location relative to the gateway,
 * never naming the service's host nor one the caller's Host header claims), a problem where the
 * service's HTTP layer refused without a body,
 * and 503 or 504 problems naming the service when it could not be reached or answered too late.
 */
final class UpstreamAnswers {

    private static final Logger LOG = Logger.getLogger(UpstreamAnswers.class);

    /** A service's answer, read whole. */
    record Answer(HttpClientResponse response, Buffer payload) {
    }

    private UpstreamAnswers() {
    }

    static void relay(RoutingContext ctx, Answer answer) {
        int status = answer.response().statusCode();
        if (status >= 400 && answer.payload().length() == 0 && ctx.request().method() != HttpMethod.HEAD) {
            String reason = answer.response().statusMessage();
            Problems.send(ctx, status, HttpRefusals.slugOf(reason), reason, "The request was refused: " + reason);
            return;
        }
        ctx.response().setStatusCode(status);
        copyHeaders(ctx, answer.response());
        ctx.response().end(answer.payload());
    }

    private static void copyHeaders(RoutingContext ctx, HttpClientResponse response) {
        response.headers().forEach(header -> {
            if (header.getKey().equalsIgnoreCase("location")) {
                ctx.response().headers().add(header.getKey(), RelativeLocations.of(header.getValue()));
            } else if (ForwardedHeaders.toCaller(header.getKey())) {
                ctx.response().headers().add(header.getKey(), header.getValue());
            }
        });
    }

    /**
     * A service's answer passed on as it arrives, so the gateway holds a few buffers of it at a time
     * whatever its size (an export, the audit); a refusal is read whole (it is small) to give a
     * problem where the service's HTTP layer sent no body.
     */
    static Future<Void> stream(RoutingContext ctx, HttpClientResponse response) {
        if (response.statusCode() >= 400) {
            return response.body().map(payload -> {
                relay(ctx, new Answer(response, payload));
                return null;
            });
        }
        ctx.response().setStatusCode(response.statusCode());
        copyHeaders(ctx, response);
        String length = response.getHeader("Content-Length");
        if (length != null) {
            ctx.response().putHeader("Content-Length", length);
        } else {
            ctx.response().setChunked(true);
        }
        return response.pipeTo(ctx.response());
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
}
