package io.kinlink.referral.api;

import java.time.Duration;
import java.time.Instant;

import io.kinlink.platform.problem.InvalidRequestProblem;

/**
 * The period a report covers, [from, to): by default the 30 days up to now, at most three years,
 * and never empty.
 */
public record ReportPeriod(Instant from, Instant to) {

    static final Duration DEFAULT_LENGTH = Duration.ofDays(30);
    static final Duration LONGEST = Duration.ofDays(3 * 366);

    /** The period a report's {@code from} and {@code to} parameters ask for (either may be absent); 400 otherwise. */
    public static ReportPeriod of(Instant from, Instant to, Instant now) {
        Instant end = to == null ? now : to;
        Instant start = from == null ? end.minus(DEFAULT_LENGTH) : from;
        if (!start.isBefore(end)) {
            throw new InvalidRequestProblem("from", "must be before to");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new InvalidRequestProblem("to", "a period may span at most three years");
        }
        return new ReportPeriod(start, end);
    }
}
