package io.kinlink.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * A failure a client can act on, thrown by services and turned into a problem response.
 * Subclasses fix the status; the slug becomes the stable problem type.
 */
public abstract class DomainException extends RuntimeException {

    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    protected DomainException(String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public abstract int status();

    /** Headers the answer carries besides the problem, such as Retry-After. */
    public Map<String, String> headers() {
        return Map.of();
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
