package io.kinlink.platform.problem;

import java.util.List;

/** The thing asked for does not exist (or is not the caller's to see): 404. */
public class NotFoundProblem extends DomainException {

    public NotFoundProblem(String slug, String detail) {
        super(slug, "Not found", detail, List.of());
    }

    @Override
    public int status() {
        return 404;
    }
}
