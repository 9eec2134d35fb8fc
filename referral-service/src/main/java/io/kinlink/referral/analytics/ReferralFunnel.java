package io.kinlink.referral.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.kinlink.referral.analytics.FunnelStep.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Counts shared -> clicked -> registered -> first visit -> first purchase. Each step counts what
 * happened in the period: shares, landing-page clicks, attributions, and referees' first visits
 * and first purchases. Every step belongs to the referrer (the member whose link it was), so the
 * branch is the referrer's branch.
 */
@ApplicationScoped
public class ReferralFunnel {

    /** Per step: the table, its owner (referrer) column and its time column. */
    private static final String[][] SOURCES = {
            {"link_share", "member_id", "shared_at"},
            {"link_click", "referrer_id", "clicked_at"},
            {"referral", "referrer_id", "attributed_at"},
            {"referral", "referrer_id", "first_visit_at"},
            {"referral", "referrer_id", "first_purchase_at"}};

    private final EntityManager entityManager;

    public ReferralFunnel(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public FunnelReport report(FunnelFilter filter, FunnelGrouping grouping) {
        Query query = entityManager.createNativeQuery(sql(filter, grouping))
                .setParameter("from", filter.from())
                .setParameter("to", filter.to());
        filter.referrer().ifPresent(referrer -> query.setParameter("referrer", referrer));
        filter.branch().ifPresent(branch -> query.setParameter("branch", branch));
        filter.campaign().ifPresent(campaign -> query.setParameter("campaign", campaign));

        Map<String, long[]> counts = new TreeMap<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            long[] steps = counts.computeIfAbsent((String) columns[1], group -> new long[Step.values().length]);
            steps[((Number) columns[0]).intValue()] = ((Number) columns[2]).longValue();
        }
        if (grouping == FunnelGrouping.NONE) {
            return new FunnelReport(filter.from(), filter.to(), grouping,
                    List.of(new FunnelReport.Row(null, steps(counts.getOrDefault("", new long[Step.values().length])))));
        }
        List<FunnelReport.Row> rows = new ArrayList<>();
        counts.forEach((group, steps) -> rows.add(new FunnelReport.Row(group, steps(steps))));
        return new FunnelReport(filter.from(), filter.to(), grouping, rows);
    }

    private static String sql(FunnelFilter filter, FunnelGrouping grouping) {
        List<String> parts = new ArrayList<>();
        for (int step = 0; step < SOURCES.length; step++) {
            String table = SOURCES[step][0];
            String owner = "x." + SOURCES[step][1];
            String time = "x." + SOURCES[step][2];
            StringBuilder part = new StringBuilder("select ").append(step).append(" as step, ")
                    .append(grouping.keyExpression().replace("owner", owner)).append(" as grp from ").append(table)
                    .append(" x join referral_member m on m.member_id = ").append(owner)
                    .append(" where ").append(time).append(" >= :from and ").append(time).append(" < :to");
            filter.referrer().ifPresent(referrer -> part.append(" and ").append(owner).append(" = :referrer"));
            filter.branch().ifPresent(branch -> part.append(" and m.branch = :branch"));
            filter.campaign().ifPresent(campaign -> part.append(" and x.campaign = :campaign"));
            parts.add(part.toString());
        }
        return "select step, grp, count(*) from (" + String.join(" union all ", parts) + ") steps group by step, grp";
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
