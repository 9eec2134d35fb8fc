package io.kinlink.member.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends the code through an SMS gateway over HTTP: a POST of {@code {"to", "text"}} with a bearer
 * token. A gateway that does not answer 2xx within five seconds fails the request, so the member
 * is told to try again rather than waiting for a text that will not come.
 */
final class SmsGatewayCodeSender implements CodeSender {

    private static final Logger LOG = Logger.getLogger(SmsGatewayCodeSender.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI url;
    private final String token;

    SmsGatewayCodeSender(URI url, String token) {
        this.url = url;
        this.token = token;
    }

    @Override
    public void send(String e164, String code, Duration validity) {
        try {
            String body = json.writeValueAsString(Map.of("to", e164,
                    "text", "Your Kinlink login code is " + code + " (valid " + validity.toMinutes() + " min)"));
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                throw notSent("The SMS gateway answered " + status);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw notSent("The SMS gateway cannot be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notSent("Interrupted while sending");
        }
    }

    private static CodeNotSent notSent(String why) {
        LOG.warn(why);
        return new CodeNotSent();
    }

    /** The code could not be delivered: the member may ask again (503). */
    static final class CodeNotSent extends io.kinlink.platform.problem.DomainException {

        CodeNotSent() {
            super("code-not-sent", "Code not sent", "The login code could not be sent; try again shortly", List.of());
        }

        @Override
        public int status() {
            return 503;
        }
    }
}
