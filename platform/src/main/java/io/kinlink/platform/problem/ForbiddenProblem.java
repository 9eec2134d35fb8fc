package io.kinlink.platform.problem;

import java.util.List;

/** The caller is known but may not do this: 403. */
public class ForbiddenProblem extends DomainException {

    public ForbiddenProblem(String slug, String detail) {
        super(slug, "Forbidden", detail, List.of());
    }

    @Override
    public int status() {
        return 403;
    }
}
