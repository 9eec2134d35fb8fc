package io.kinlink.rewards.gate;

import java.time.YearMonth;

import org.jboss.logging.Logger;

import io.kinlink.rewards.budget.Budget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/**
 * Every reward a rule computes passes here: paid when it fits its month's budget, else held,
 * visibly, until budget frees up (more revenue in that month) or an operator approves it
 * ({@link HeldRewardDecisions}). Nothing is dropped; a held reward is cancelled only when its
 * cause is undone before it is paid.
 */
@ApplicationScoped
public class RewardGate {

    private static final Logger LOG = Logger.getLogger(RewardGate.class);

    private final Budget budget;
    private final HeldRewardRepository held;
    private final RewardPayments payments;

    public RewardGate(Budget budget, HeldRewardRepository held, RewardPayments payments) {
        this.budget = budget;
        this.held = held;
        this.payments = payments;
    }

    @Transactional(TxType.MANDATORY)
    public void grant(Reward reward) {
        YearMonth period = budget.periodOf(reward.occurredAt());
        budget.lock(period);
        if (held.holds(reward.key())) {
            return;
        }
        long value = reward instanceof Reward.Points points ? budget.valueOfPoints(points.points())
                : ((Reward.CouponReward) reward).faceValueFen();
        if (budget.fits(period, value, reward.occurredAt())) {
            payments.pay(reward, period, value);
            return;
        }
        String why = String.format("Over the %s incentive budget: %d fen issued of a %d fen cap (revenue %d fen)",
                period, budget.issued(period), budget.cap(period, reward.occurredAt()), budget.revenue(period));
        held.hold(reward, period, value, why);
        LOG.infof("Held %s for member %s: %s", reward.key(), reward.member(), why);
    }
}
