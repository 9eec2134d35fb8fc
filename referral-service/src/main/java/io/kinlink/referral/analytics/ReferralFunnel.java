package io.kinlink.referral.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.kinlink.referral.analytics.FunnelStep.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Counts shared -> clicked -> registered -> first visit -> first purchase. Each step counts what
 * happened in the period: shares, landing-page clicks, attributions, and referees' first visits
 * and first purchases. Every step belongs to the referrer (the member whose link it was), so the
 * branch is the referrer's branch.
 */
@ApplicationScoped
public class ReferralFunnel {

    private final FunnelRepository repository;

    ReferralFunnel(FunnelRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public FunnelReport report(FunnelFilter filter, FunnelGrouping grouping) {
        Map<String, long[]> counts = repository.counts(filter, grouping);
        if (grouping == FunnelGrouping.NONE) {
            return new FunnelReport(filter.from(), filter.to(), grouping,
                    List.of(new FunnelReport.Row(null, steps(counts.getOrDefault("", new long[Step.values().length])))));
        }
        List<FunnelReport.Row> rows = new ArrayList<>();
        counts.forEach((group, steps) -> rows.add(new FunnelReport.Row(group, steps(steps))));
        return new FunnelReport(filter.from(), filter.to(), grouping, rows);
    }

    private static List<FunnelStep> steps(long[] counts) {
        List<FunnelStep> steps = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            Double conversion = i == 0 || counts[i - 1] == 0 ? null
                    : BigDecimal.valueOf(counts[i]).divide(BigDecimal.valueOf(counts[i - 1]), 4, RoundingMode.HALF_UP)
                            .doubleValue();
            steps.add(new FunnelStep(Step.values()[i], counts[i], conversion));
        }
        return steps;
    }
}
