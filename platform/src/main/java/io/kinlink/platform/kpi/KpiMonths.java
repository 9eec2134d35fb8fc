package io.kinlink.platform.kpi;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.kinlink.platform.input.BusinessTimeWindow;
import io.kinlink.platform.problem.InvalidRequestProblem;

/**
 * The months a KPI request covers: {@code months} calendar months ending with {@code period}
 * (default: this month), as instants in the group's time zone.
 */
public record KpiMonths(List<YearMonth> months, ZoneId zone) {

    public static final int MOST = 24;

    /** From the query parameters {@code period} and {@code months}; a 400 naming the parameter otherwise. */
    public static KpiMonths of(String period, int months, ZoneId zone, BusinessTimeWindow window, Instant now) {
        if (months < 1 || months > MOST) {
            throw new InvalidRequestProblem("months", "must be between 1 and " + MOST);
        }
        YearMonth last = period == null || period.isBlank() ? YearMonth.from(now.atZone(zone))
                : window.month("period", period);
        List<YearMonth> covered = new ArrayList<>(months);
        for (int back = months - 1; back >= 0; back--) {
            covered.add(last.minusMonths(back));
        }
        return new KpiMonths(List.copyOf(covered), zone);
    }

    public Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    public Instant end(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }
}
