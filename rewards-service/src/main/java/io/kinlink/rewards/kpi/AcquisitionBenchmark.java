package io.kinlink.rewards.kpi;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What winning a customer costs through the group's other channels (ads, platforms): the figure the
 * acquisition cost through referrals is compared with. Operators set it as their costs change;
 * until they do, it is the configured default.
 */
@ApplicationScoped
public class AcquisitionBenchmark {

    private static final String NAME = "other-channel-acquisition-cost";

    private final KpiRepository repository;
    private final KpiSettings settings;
    private final Clock clock;

    AcquisitionBenchmark(KpiRepository repository, KpiSettings settings, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
    }

    /** @param changedBy null while it is the configured default */
    public record Benchmark(long otherChannelAcquisitionCostFen, Instant changedAt, String changedBy) {
    }

    @Transactional
    public Benchmark current() {
        return repository.setting(NAME)
                .map(set -> new Benchmark(set.valueFen(), set.changedAt(), set.changedBy()))
                .orElse(new Benchmark(settings.otherChannelAcquisitionCostFen(), null, null));
    }

    @Transactional
    public Benchmark set(long costFen, String by) {
        repository.set(NAME, costFen, clock.instant(), by);
        return current();
    }
}
