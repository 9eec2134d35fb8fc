package io.kinlink.rewards.budget;

import java.time.Instant;
import java.time.YearMonth;

import io.kinlink.rewards.config.RewardsSettings;
import io.kinlink.rewards.rules.RuleBook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/**
 * The incentive budget of each calendar month: rewards issued may not pass the budget-cap rule's
 * share of the month's revenue (net of refunds), or its minimum. Issued value is counted when a reward is paid, and taken back
 * when it is reversed or voided.
 */
@ApplicationScoped
public class Budget {

    private final BudgetRepository repository;
    private final RuleBook rules;
    private final RewardsSettings settings;

    Budget(BudgetRepository repository, RuleBook rules, RewardsSettings settings) {
        this.repository = repository;
        this.rules = rules;
        this.settings = settings;
    }

    /** The month a reward belongs to: that of the purchase or event that caused it, in the configured zone. */
    public YearMonth periodOf(Instant at) {
        return YearMonth.from(at.atZone(settings.zone()));
    }

    /** Holds back every other admission to the period until the transaction ends, so two cannot both squeeze in. */
    @Transactional(TxType.MANDATORY)
    public void lock(YearMonth period) {
        repository.lock(period);
    }

    @Transactional(TxType.MANDATORY)
    public boolean fits(YearMonth period, long valueFen, Instant at) {
        return issued(period) + valueFen <= cap(period, at);
    }

    /** Counts a payment (positive) or its undoing (negative) once per source, into its month's total. */
    @Transactional(TxType.MANDATORY)
    public void recordUse(YearMonth period, long valueFen, RewardKind kind, String source, Instant at) {
        if (valueFen == 0) {
            return;
        }
        lock(period);
        repository.recordUse(period, valueFen, kind, source, at);
    }

    /** Locks the month that counted {@code source} (see {@link #lock}); nothing when it counted nothing. */
    @Transactional(TxType.MANDATORY)
    public void lockMonthCounting(String source) {
        repository.monthCounting(source).ifPresent(this::lock);
    }

    /** Takes back, in its own period, what {@code source} counted (a voided coupon); once, under {@code undoSource}. */
    @Transactional(TxType.MANDATORY)
    public void takeBack(String source, String undoSource, Instant at) {
        lockMonthCounting(source);
        repository.takeBack(source, undoSource, at);
    }

    /** Adds to the revenue of the month of {@code occurredAt}: a purchase's amount, or minus what a refund returned. */
    @Transactional(TxType.MANDATORY)
    public void countRevenue(Instant occurredAt, long deltaFen) {
        if (deltaFen == 0) {
            return;
        }
        YearMonth period = periodOf(occurredAt);
        lock(period);
        repository.addRevenue(period, deltaFen);
    }

    /** Points at their value in fen, rounded down. */
    public long valueOfPoints(long points) {
        return Math.multiplyExact(points, 100L) / settings.pointsPerCny();
    }

    /** The month's revenue, net of refunds (its running total). */
    @Transactional(TxType.MANDATORY)
    public long revenue(YearMonth period) {
        return repository.revenue(period);
    }

    /** The value issued in the month, net of what was taken back (its running total). */
    @Transactional(TxType.MANDATORY)
    public long issued(YearMonth period) {
        return repository.issued(period);
    }

    /**
     * The period's cap by the budget-cap rule in force at {@code at} (held within the period): an
     * operator who raises the cap mid-month raises it for what is decided from then on; a past
     * month keeps the version in force at its end. No rule, no cap.
     */
    @Transactional(TxType.MANDATORY)
    public long cap(YearMonth period, Instant at) {
        Instant start = start(period);
        Instant lastMoment = start(period.plusMonths(1)).minusNanos(1_000);
        Instant within = at.isBefore(start) ? start : at.isAfter(lastMoment) ? lastMoment : at;
        return rules.at(within).budgetCap()
                .map(cap -> Math.max(cap.params().minimumFen(),
                        Math.multiplyExact(revenue(period), (long) cap.params().shareBasisPoints()) / 10_000L))
                .orElse(Long.MAX_VALUE);
    }

    private Instant start(YearMonth period) {
        return period.atDay(1).atStartOfDay(settings.zone()).toInstant();
    }
}
