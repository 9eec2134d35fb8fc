package io.kinlink.platform.problem;

import java.util.List;

/** Malformed input found by a service rather than by bean validation: 400 with field errors. */
public class InvalidRequestProblem extends DomainException {

    public InvalidRequestProblem(String field, String message) {
        super("validation-failed", "Invalid request", "The request has invalid fields",
                List.of(new Problem.FieldError(field, message)));
    }

    @Override
    public int status() {
        return 400;
    }
}
