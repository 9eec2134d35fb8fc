package io.kinlink.member.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

import com.sun.net.httpserver.HttpServer;

/** A partner's webhook receiver: a real HTTP server on loopback that keeps what it was sent and answers as told. */
final class Receiver implements AutoCloseable {

    /** One request as received: its webhook headers and body. */
    record Received(String id, String timestamp, String signature, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private Receiver(IntSupplier status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                var headers = exchange.getRequestHeaders();
                received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                        headers.getFirst("webhook-signature"), new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(status.getAsInt(), -1);
            exchange.close();
        });
        server.start();
    }

    static Receiver answering(IntSupplier status) throws IOException {
        return new Receiver(status);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Verifies each signature of the header against the secrets; the map tells which secret verified which. */
    static Map<String, Boolean> verify(Received request, List<String> secrets) {
        List<String> signatures = List.of(request.signature().split(" "));
        return Map.copyOf(secrets.stream().collect(java.util.stream.Collectors.toMap(secret -> secret,
                secret -> signatures.contains("v1," + WebhookSignature.sign(secret, request.id(),
                        Long.parseLong(request.timestamp()), request.body())))));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
