package io.kinlink.rewards.gate;

import java.time.YearMonth;

/**
 * A month's incentive budget as operators read it: revenue, cap, what was issued, what is left,
 * and what is held.
 *
 * @param capFen       null when no budget-cap rule is in force for the month
 * @param spentFen     the incentives issued in the month (named so: Quarkus's generated JSON writer
 *                     reads a component named is... as a boolean property)
 * @param remainingFen what may still be issued before rewards are held
 */
public record BudgetView(YearMonth period, long revenueFen, Long capFen, long spentFen, Long remainingFen,
                         int heldCount, long heldValueFen) {
}
