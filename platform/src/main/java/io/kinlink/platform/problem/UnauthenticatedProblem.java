package io.kinlink.platform.problem;

import java.util.List;

/** The caller did not prove who they are (wrong password, code, token or key): 401. */
public class UnauthenticatedProblem extends DomainException {

    public UnauthenticatedProblem(String slug, String title, String detail) {
        super(slug, title, detail, List.of());
    }

    @Override
    public int status() {
        return 401;
    }
}
