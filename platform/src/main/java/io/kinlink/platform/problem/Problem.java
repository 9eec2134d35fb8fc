package io.kinlink.platform.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code type} is stable and names the kind of problem; {@code detail}
 * tells a person what to do about it; {@code errors} lists the fields that failed validation.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static URI type(String slug) {
        return URI.create("urn:kinlink:problem:" + slug);
    }

    /** One field that failed validation: its path in the request (such as {@code items[0].amountFen}). */
    public record FieldError(String field, String message) {
    }
}
