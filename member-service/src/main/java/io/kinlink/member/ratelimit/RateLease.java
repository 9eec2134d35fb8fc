package io.kinlink.member.ratelimit;

/** What a lease took, and the tokens left in the shared bucket after it (a fraction while refilling). */
public record RateLease(int granted, double tokensLeft) {

    /** Whole seconds until the bucket holds a token again, at {@code perMinute}; 0 when it holds one. */
    public long secondsUntilNextToken(int perMinute) {
        return tokensLeft >= 1 ? 0 : Math.max(1, (long) Math.ceil((1 - tokensLeft) * 60.0 / perMinute));
    }
}
