package io.kinlink.rewards.gate;

import java.time.Clock;

import io.kinlink.rewards.budget.Budget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** A month's budget as operators read it: revenue, cap, what was issued and what is held. */
@ApplicationScoped
public class BudgetOverview {

    private final Budget budget;
    private final EntityManager em;
    private final Clock clock;

    public BudgetOverview(Budget budget, EntityManager em, Clock clock) {
        this.budget = budget;
        this.em = em;
        this.clock = clock;
    }

    /** The current month when {@code month} is null. Held rewards are counted in the database, every one of them. */
    @Transactional
    public BudgetResource.BudgetView of(String month) {
        String period = month == null ? budget.periodOf(clock.instant()) : month;
        long cap = budget.cap(period, clock.instant());
        long issued = budget.issued(period);
        Object[] held = (Object[]) em.createNativeQuery("select count(*), coalesce(sum(value_fen), 0) from held_reward "
                + "where status = 'HELD' and period = ?1").setParameter(1, period).getSingleResult();
        boolean capped = cap != Long.MAX_VALUE;
        return new BudgetResource.BudgetView(period, budget.revenue(period), capped ? cap : null, issued,
                capped ? Math.max(0, cap - issued) : null, ((Number) held[0]).intValue(), ((Number) held[1]).longValue());
    }
}
