package io.kinlink.rewards.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import io.kinlink.platform.metrics.CachedSample;
import io.kinlink.rewards.gate.BudgetOverview;
import io.kinlink.rewards.gate.BudgetView;
import io.kinlink.rewards.gate.HeldRewardRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The month's incentive budget and the held rewards as gauges, read from the database at most
 * every few seconds: what the alerts on budget burn and on rewards held too long watch.
 */
@Startup
@ApplicationScoped
public class BudgetMetrics {

    private record Held(double oldestAgeSeconds) {
    }

    private final CachedSample<BudgetView> month;
    private final CachedSample<Held> held;

    public BudgetMetrics(MeterRegistry registry, BudgetOverview overview, HeldRewardRepository rewards, Clock clock) {
        this.month = new CachedSample<>(() -> overview.of(Optional.empty()), null, Duration.ofSeconds(5));
        this.held = new CachedSample<>(() -> oldestHeld(rewards, clock), new Held(0), Duration.ofSeconds(5));
        gauge(registry, "kinlink.budget.cap", "fen", "This month's incentive budget cap; NaN when there is none",
                view -> view.capFen() == null ? Double.NaN : view.capFen());
        gauge(registry, "kinlink.budget.spent", "fen", "Incentives issued this month, at their value",
                view -> view.spentFen());
        gauge(registry, "kinlink.budget.revenue", "fen", "This month's revenue, refunds deducted",
                view -> view.revenueFen());
        gauge(registry, "kinlink.rewards.held", "rewards", "Rewards held this month for want of budget, awaiting a decision",
                view -> view.heldCount());
        Gauge.builder("kinlink.rewards.oldest.held.age", held, sample -> sample.get().oldestAgeSeconds())
                .baseUnit("seconds").description("How long the oldest reward still held has waited; 0 when none")
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String unit, String description,
                       ToDoubleFunction<BudgetView> value) {
        Gauge.builder(name, month, sample -> sample.get() == null ? Double.NaN : value.applyAsDouble(sample.get()))
                .baseUnit(unit).description(description).register(registry);
    }

    private static Held oldestHeld(HeldRewardRepository rewards, Clock clock) {
        return QuarkusTransaction.requiringNew().call(rewards::oldestWaiting)
                .map(heldAt -> new Held(Math.max(0, Duration.between(heldAt, clock.instant()).toMillis() / 1000.0)))
                .orElse(new Held(0));
    }
}
