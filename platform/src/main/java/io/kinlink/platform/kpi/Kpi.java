package io.kinlink.platform.kpi;

/**
 * One of the five KPIs the programme is judged by, for one month, with the counts it is computed
 * from, so an operator can check it and the console can show how far it is from its target.
 *
 * @param value       numerator ÷ denominator: a share for ratios, fen per customer for costs; null when the
 *                    denominator is 0 (nothing to measure yet)
 * @param target      the share or cost the programme aims for
 * @param scope       {@link Scope#BRANCH} when a branch was asked for and the figure is that branch's;
 *                    {@link Scope#GROUP} when the figure is the group's whatever the branch (the budget is the group's)
 * @param targetMet   null without a value
 * @param benchmark   what the value is compared with besides its target (the acquisition cost of the other
 *                    channels); null for the others
 */
public record Kpi(KpiId id, Double value, long numerator, long denominator, double target, Direction direction,
                  Unit unit, Scope scope, Boolean targetMet, Double benchmark) {

    public enum KpiId {
        REFERRAL_RATE, REFERRAL_CONVERSION, REFERRED_RETENTION, REFERRAL_ACQUISITION_COST, INCENTIVE_SHARE
    }

    /** Whether the value should reach the target from below (a rate) or stay under it (a cost). */
    public enum Direction {
        AT_LEAST, AT_MOST
    }

    public enum Unit {
        RATIO, FEN_PER_CUSTOMER
    }

    public enum Scope {
        BRANCH, GROUP
    }

    public static Kpi of(KpiId id, long numerator, long denominator, double target, Direction direction, Unit unit,
                         Scope scope) {
        Double value = denominator == 0 ? null : (double) numerator / denominator;
        Boolean met = value == null ? null : direction == Direction.AT_LEAST ? value >= target : value <= target;
        return new Kpi(id, value, numerator, denominator, target, direction, unit, scope, met, null);
    }

    /** The same KPI beside the figure it is compared with. */
    public Kpi comparedWith(double figure) {
        return new Kpi(id, value, numerator, denominator, target, direction, unit, scope, targetMet, figure);
    }
}
