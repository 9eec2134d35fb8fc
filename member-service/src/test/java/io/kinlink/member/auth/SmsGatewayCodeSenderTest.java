package io.kinlink.member.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The SMS sender against a small HTTP server standing where the SMS gateway would. */
class SmsGatewayCodeSenderTest {

    private HttpServer gateway;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(202);

    @BeforeEach
    void start() throws Exception {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/send", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    private SmsGatewayCodeSender sender() {
        return new SmsGatewayCodeSender(URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/send"),
                "sms-token");
    }

    @Test
    void the_code_is_posted_as_json_with_the_gateways_token() {
        sender().send("+8613800138000", "042917", Duration.ofMinutes(5));
        assertEquals(1, received.size());
        String request = received.get(0);
        assertTrue(request.startsWith("Bearer sms-token application/json "), request);
        assertTrue(request.contains("\"to\":\"+8613800138000\""), request);
        assertTrue(request.contains("Your Kinlink login code is 042917 (valid 5 min)"), request);
    }

    @Test
    void a_gateway_that_refuses_or_cannot_be_reached_is_a_503_problem() {
        answer.set(500);
        SmsGatewayCodeSender.CodeNotSent refused = assertThrows(SmsGatewayCodeSender.CodeNotSent.class,
                () -> sender().send("+8613800138000", "042917", Duration.ofMinutes(5)));
        assertEquals(503, refused.status());
        gateway.stop(0);
        assertThrows(SmsGatewayCodeSender.CodeNotSent.class,
                () -> sender().send("+8613800138000", "042917", Duration.ofMinutes(5)));
    }
}
