package io.kinlink.referral.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.kinlink.referral.analytics.FunnelStep.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** The funnel's counts: one query over the tables each step happens in, grouped as asked. */
@ApplicationScoped
class FunnelRepository {

    /** Per step: the table, its owner (referrer) column and its time column. */
    private static final String[][] SOURCES = {
            {"link_share", "member_id", "shared_at"},
            {"link_click", "referrer_id", "clicked_at"},
            {"referral", "referrer_id", "attributed_at"},
            {"referral", "referrer_id", "first_visit_at"},
            {"referral", "referrer_id", "first_purchase_at"}};

    private final EntityManager em;

    FunnelRepository(EntityManager em) {
        this.em = em;
    }

    /** Per group ("" when not grouped), the count of each step in the filter's period. */
    Map<String, long[]> counts(FunnelFilter filter, FunnelGrouping grouping) {
        Query query = em.createNativeQuery(sql(filter, grouping))
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
        return counts;
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
}
