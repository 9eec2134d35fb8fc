package io.kinlink.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The platform's public API as a till, the app and the console call it, through the gateway, with
 * the retries a careful client makes: a request that gets no answer, or a 5xx, is sent again with
 * the same idempotency key until the platform answers it for good (or {@link #PATIENCE} passes).
 */
final class Api {

    /** How long a client keeps retrying one request; longer than any fault of a schedule. */
    static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String gatewayUrl;
    private final AtomicLong retries = new AtomicLong();
    private final List<String> internalErrors = new CopyOnWriteArrayList<>();

    Api(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    /** An answer the platform gave for good: its status and its JSON body. */
    record Answer(int status, JsonNode body) {

        boolean ok() {
            return status / 100 == 2;
        }

        String text(String field) {
            return body.path(field).asText();
        }
    }

    Answer post(String path, String authorization, Object body) {
        return send("POST", path, authorization, body);
    }

    Answer get(String path, String authorization) {
        return send("GET", path, authorization, null);
    }

    /**
     * Sends until an answer other than a 5xx arrives. {@code authorization} is a bearer token
     * ("Bearer ...") or a partner key ("key ...").
     */
    Answer send(String method, String path, String authorization, Object body) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String lastFailure = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = client.send(request(method, path, authorization, body),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    return new Answer(response.statusCode(), json(response.body()));
                }
                lastFailure = response.statusCode() + " " + response.body();
                if (response.statusCode() == 500) {
                    internalErrors.add(method + " " + path + " answered 500: " + response.body());
                }
            } catch (IOException e) {
                lastFailure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            retries.incrementAndGet();
            pause(Duration.ofMillis(300));
        }
        throw new IllegalStateException(method + " " + path + " got no answer within " + PATIENCE + ": " + lastFailure);
    }

    /** The body as JSON; a body that is not JSON (an HTML error page) as text, so it is reported, not retried. */
    private static JsonNode json(String text) {
        if (text.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return TextNode.valueOf(text);
        }
    }

    private HttpRequest request(String method, String path, String authorization, Object body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path)).timeout(Duration.ofSeconds(20));
        if (authorization != null && authorization.startsWith("key ")) {
            request.header("X-Api-Key", authorization.substring(4));
        } else if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    /**
     * The 500s answered since the last call, and forgets them: a fault is answered 502, 503 or 504
     * (try again), never "internal error", which would be a bug.
     */
    List<String> takeInternalErrors() {
        List<String> taken = List.copyOf(internalErrors);
        internalErrors.removeAll(taken);
        return taken;
    }

    /** How many times a request was sent again because the platform did not answer it. */
    long retries() {
        return retries.get();
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
