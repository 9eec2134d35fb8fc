package io.kinlink.rewards.kpi;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What winning a customer costs through the group's other channels (ads, platforms): the figure the
 * acquisition cost through referrals is compared with. Operators set it as their costs change;
 * until they do, it is the configured default.
 */
@ApplicationScoped
public class AcquisitionBenchmark {

    private static final String NAME = "other-channel-acquisition-cost";

    private final EntityManager em;
    private final KpiSettings settings;
    private final Clock clock;

    public AcquisitionBenchmark(EntityManager em, KpiSettings settings, Clock clock) {
        this.em = em;
        this.settings = settings;
        this.clock = clock;
    }

    /** @param changedBy null while it is the configured default */
    public record Benchmark(long otherChannelAcquisitionCostFen, Instant changedAt, String changedBy) {
    }

    @Transactional
    public Benchmark current() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select value_fen, changed_at, changed_by from kpi_setting where name = :name")
                .setParameter("name", NAME).getResultList();
        return rows.stream().findFirst()
                .map(row -> new Benchmark(((Number) row[0]).longValue(), (Instant) row[1], (String) row[2]))
                .orElse(new Benchmark(settings.otherChannelAcquisitionCostFen(), null, null));
    }

    @Transactional
    public Benchmark set(long costFen, String by) {
        em.createNativeQuery("""
                        insert into kpi_setting (name, value_fen, changed_at, changed_by)
                        values (:name, :value, :at, :by)
                        on conflict (name) do update set value_fen = excluded.value_fen,
                            changed_at = excluded.changed_at, changed_by = excluded.changed_by""")
                .setParameter("name", NAME).setParameter("value", costFen).setParameter("at", clock.instant())
                .setParameter("by", by).executeUpdate();
        return current();
    }
}
