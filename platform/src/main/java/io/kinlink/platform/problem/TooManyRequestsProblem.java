package io.kinlink.platform.problem;

import java.util.List;
import java.util.Map;

/** Over a limit: 429 with the seconds to wait in Retry-After. */
public class TooManyRequestsProblem extends DomainException {

    private final long retryAfterSeconds;

    public TooManyRequestsProblem(String detail, long retryAfterSeconds) {
        super("too-many-requests", "Too many requests", detail, List.of());
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    @Override
    public int status() {
        return 429;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }
}
