package io.kinlink.platform.problem;

import java.util.List;

/** A body the service will not read as sent: 415, saying what to send instead. */
public class UnsupportedMediaTypeProblem extends DomainException {

    public UnsupportedMediaTypeProblem(String slug, String detail) {
        super(slug, "Unsupported media type", detail, List.of());
    }

    @Override
    public int status() {
        return 415;
    }
}
