package io.kinlink.platform.problem;

import java.util.List;

/** The request clashes with what exists already (a duplicate, a changed resubmission): 409. */
public class ConflictProblem extends DomainException {

    public ConflictProblem(String slug, String detail) {
        super(slug, "Conflict", detail, List.of());
    }

    @Override
    public int status() {
        return 409;
    }
}
