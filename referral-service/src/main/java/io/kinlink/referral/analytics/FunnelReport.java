package io.kinlink.referral.analytics;

import java.time.Instant;
import java.util.List;

/** The funnel for a period, one row per group ({@code group} is null when not grouped). */
public record FunnelReport(Instant from, Instant to, FunnelGrouping groupBy, List<Row> rows) {

    public record Row(String group, List<FunnelStep> steps) {
    }
}
