package io.kinlink.platform.input;

import java.util.Locale;

import io.kinlink.platform.problem.UnsupportedMediaTypeProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * One rule for every body a service reads, instead of guessing: a request that carries a body says
 * what it is ({@code Content-Type}, JSON wherever Kinlink takes a body), in UTF-8 if it names a
 * charset, and not compressed (no {@code Content-Encoding} but {@code identity}). Anything else is
 * a 415 problem before any resource runs, so a body is never read in a form it was not sent in.
 */
@Provider
@PreMatching
public class JsonBodies implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (!carriesBody(request)) {
            return;
        }
        String encoding = request.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            throw new UnsupportedMediaTypeProblem("content-encoding-not-accepted",
                    "Send the body uncompressed: Content-Encoding " + encoding.strip() + " is not accepted");
        }
        MediaType type = request.getMediaType();
        if (type == null) {
            throw new UnsupportedMediaTypeProblem("content-type-required",
                    "Say what the body is: Content-Type: application/json");
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.strip().toUpperCase(Locale.ROOT).replace("\"", "").equals("UTF-8")) {
            throw new UnsupportedMediaTypeProblem("charset-not-accepted",
                    "Send the body in UTF-8 (charset=utf-8, or no charset at all), not " + charset);
        }
    }

    private static boolean carriesBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (request.getHeaderString("Transfer-Encoding") != null) {
            return true;
        }
        try {
            return length != null && Long.parseLong(length.strip()) > 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
