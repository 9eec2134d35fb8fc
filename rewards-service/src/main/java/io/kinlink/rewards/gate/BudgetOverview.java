package io.kinlink.rewards.gate;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;

import io.kinlink.rewards.budget.Budget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A month's budget as operators read it: revenue, cap, what was issued and what is held. */
@ApplicationScoped
public class BudgetOverview {

    private final Budget budget;
    private final HeldRewardRepository held;
    private final Clock clock;

    public BudgetOverview(Budget budget, HeldRewardRepository held, Clock clock) {
        this.budget = budget;
        this.held = held;
        this.clock = clock;
    }

    /** The current month when none is given. Held rewards are counted in the database, every one of them. */
    @Transactional
    public BudgetView of(Optional<YearMonth> month) {
        YearMonth period = month.orElseGet(() -> budget.periodOf(clock.instant()));
        long cap = budget.cap(period, clock.instant());
        long issued = budget.issued(period);
        HeldRewardRepository.Waiting waiting = held.waitingIn(period);
        boolean capped = cap != Long.MAX_VALUE;
        return new BudgetView(period, budget.revenue(period), capped ? cap : null, issued,
                capped ? Math.max(0, cap - issued) : null, waiting.count(), waiting.valueFen());
    }
}
