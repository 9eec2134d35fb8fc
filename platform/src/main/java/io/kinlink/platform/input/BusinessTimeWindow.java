package io.kinlink.platform.input;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.kinlink.platform.problem.InvalidRequestProblem;
import jakarta.enterprise.context.ApplicationScoped;

/** The span of time business data may name: from the earliest date to a little ahead of now. */
@ApplicationScoped
public class BusinessTimeWindow {

    private final Clock clock;
    private final Instant earliest;
    private final Duration maxAhead;
    private final Period planningHorizon;

    public BusinessTimeWindow(Clock clock,
                              @ConfigProperty(name = "kinlink.business-time.earliest", defaultValue = "2000-01-01T00:00:00Z")
                              Instant earliest,
                              @ConfigProperty(name = "kinlink.business-time.max-ahead", defaultValue = "PT5M")
                              Duration maxAhead,
                              @ConfigProperty(name = "kinlink.business-time.planning-horizon", defaultValue = "P10Y")
                              Period planningHorizon) {
        this.clock = clock;
        this.earliest = earliest;
        this.maxAhead = maxAhead;
        this.planningHorizon = planningHorizon;
    }

    public Instant earliest() {
        return earliest;
    }

    /** The latest time at which something may have happened: now, with a till's clock a little fast. */
    public Instant latestHappened() {
        return clock.instant().plus(maxAhead);
    }

    /** The latest time a plan (a campaign, a report's end) may name. */
    public Instant latestPlanned() {
        return clock.instant().atOffset(ZoneOffset.UTC).plus(planningHorizon).toInstant();
    }

    public Period planningHorizon() {
        return planningHorizon;
    }

    /**
     * A month such as {@code 2026-11} from a query parameter, within the window; otherwise a 400
     * naming {@code parameter}.
     */
    public YearMonth month(String parameter, String value) {
        YearMonth month;
        try {
            month = YearMonth.parse(value.strip());
        } catch (DateTimeParseException malformed) {
            throw new InvalidRequestProblem(parameter, "must be a month like 2026-11");
        }
        YearMonth first = YearMonth.from(earliest.atOffset(ZoneOffset.UTC));
        YearMonth last = YearMonth.from(latestPlanned().atOffset(ZoneOffset.UTC));
        if (month.isBefore(first) || month.isAfter(last)) {
            throw new InvalidRequestProblem(parameter, "must lie between " + first + " and " + last);
        }
        return month;
    }
}
