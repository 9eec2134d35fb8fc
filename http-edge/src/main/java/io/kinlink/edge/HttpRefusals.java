package io.kinlink.edge;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem answers for what the HTTP layer refuses before any resource runs (a malformed request
 * line, bad percent-encoding, a URL or headers over the limits, a method the route does not
 * have), with the same headers as every other answer, instead of an empty body.
 */
public final class HttpRefusals {

    /** The statuses the HTTP layer itself may answer with. */
    public static final List<Integer> STATUSES = List.of(400, 404, 405, 406, 413, 414, 415, 431, 500, 501);

    private HttpRefusals() {
    }

    public static void send(RoutingContext ctx, int status) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
        String requestId = ctx.request().getHeader("X-Request-Id");
        if (requestId == null || !requestId.matches("[A-Za-z0-9._-]{8,64}")) {
            requestId = UUID.randomUUID().toString();
        }
        JsonObject problem = new JsonObject()
                .put("type", "urn:kinlink:problem:" + slugOf(reason))
                .put("title", reason)
                .put("status", status)
                .put("detail", detailOf(status))
                .put("requestId", requestId);
        response.setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .putHeader("X-Request-Id", requestId);
        EdgeHeaders.apply(response.headers());
        response.end(problem.encode());
    }

    /** A problem type's slug from an HTTP reason phrase: "Request-URI Too Long" is {@code request-uri-too-long}. */
    public static String slugOf(String reason) {
        return reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String detailOf(int status) {
        return switch (status) {
            case 400 -> "The request is malformed (its request line, percent-encoding or framing)";
            case 404 -> "There is no resource at this address";
            case 405 -> "This resource does not accept that method";
            case 413 -> "The request body is too large";
            case 414 -> "The URL is too long";
            case 415 -> "The request's content type is not accepted here";
            case 431 -> "The request's headers are too large";
            case 500 -> "Something went wrong on our side; quote the request id when reporting it";
            default -> "The request was refused";
        };
    }
}
