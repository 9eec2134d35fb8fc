package io.kinlink.rewards.budget;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import io.kinlink.platform.AdvisoryLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The budget's tables: {@code budget_use}, one row per payment or undoing (unique by source), and
 * {@code budget_total}, each month's running revenue and issued value.
 */
@ApplicationScoped
class BudgetRepository {

    // A month's total row is written only under its budget lock (taken first), so that two transactions
    // never hold the lock and the row in opposite orders.
    private static final String ADD_TO_ISSUED = """
            insert into budget_total (period, issued_fen) select period, value_fen from counted
            on conflict (period) do update set issued_fen = budget_total.issued_fen + excluded.issued_fen""";

    private final EntityManager em;

    BudgetRepository(EntityManager em) {
        this.em = em;
    }

    void lock(YearMonth period) {
        AdvisoryLocks.holdUntilCommit(em, "budget:" + period);
    }

    /** Counts a use once per source, and adds it to its month's issued total. */
    void recordUse(YearMonth period, long valueFen, RewardKind kind, String source, Instant at) {
        em.createNativeQuery("""
                        with counted as (
                            insert into budget_use (period, value_fen, kind, source, at) values (?1, ?2, ?3, ?4, ?5)
                            on conflict (source) do nothing
                            returning period, value_fen)
                        """ + ADD_TO_ISSUED)
                .setParameter(1, period.toString()).setParameter(2, valueFen).setParameter(3, kind.name()).setParameter(4, source)
                .setParameter(5, at).executeUpdate();
    }

    /** The month that counted {@code source}; empty when it counted nothing. */
    Optional<YearMonth> monthCounting(String source) {
        return em.createNativeQuery("select period from budget_use where source = ?1", String.class).setParameter(1, source)
                .getResultStream().findFirst().map(period -> YearMonth.parse((String) period));
    }

    /** Counts minus what {@code source} counted, in its month, once under {@code undoSource}. */
    void takeBack(String source, String undoSource, Instant at) {
        em.createNativeQuery("""
                        with counted as (
                            insert into budget_use (period, value_fen, kind, source, at)
                            select period, -value_fen, kind, ?2, ?3 from budget_use where source = ?1
                            on conflict (source) do nothing
                            returning period, value_fen)
                        """ + ADD_TO_ISSUED)
                .setParameter(1, source).setParameter(2, undoSource).setParameter(3, at).executeUpdate();
    }

    void addRevenue(YearMonth period, long deltaFen) {
        em.createNativeQuery("""
                        insert into budget_total (period, revenue_fen) values (?1, ?2)
                        on conflict (period) do update set revenue_fen = budget_total.revenue_fen + excluded.revenue_fen""")
                .setParameter(1, period.toString()).setParameter(2, deltaFen).executeUpdate();
    }

    long revenue(YearMonth period) {
        return total("revenue_fen", period);
    }

    long issued(YearMonth period) {
        return total("issued_fen", period);
    }

    private long total(String column, YearMonth period) {
        List<?> totals = em.createNativeQuery("select " + column + " from budget_total where period = ?1")
                .setParameter(1, period.toString()).getResultList();
        return totals.isEmpty() ? 0 : ((Number) totals.get(0)).longValue();
    }
}
