package io.kinlink.rewards.gate;

import java.time.YearMonth;
import java.util.UUID;

import io.kinlink.events.PointsCredited;
import io.kinlink.events.Topics;
import io.kinlink.platform.outbox.Outbox;
import io.kinlink.rewards.budget.Budget;
import io.kinlink.rewards.coupons.CouponService;
import io.kinlink.rewards.ledger.AccountKind;
import io.kinlink.rewards.ledger.Ledger;
import io.kinlink.rewards.lots.PointsLots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/**
 * Pays a reward the gate let through, at once or late: points into the ledger (with their lot when
 * available at once, and the PointsCredited event), a coupon issued; either way its value counts
 * against its month's budget.
 */
@ApplicationScoped
public class RewardPayments {

    private final Budget budget;
    private final Ledger ledger;
    private final PointsLots lots;
    private final CouponService coupons;
    private final HeldRewardRules rules;
    private final Outbox outbox;

    public RewardPayments(Budget budget, Ledger ledger, PointsLots lots, CouponService coupons,
                          HeldRewardRules rules, Outbox outbox) {
        this.budget = budget;
        this.ledger = ledger;
        this.lots = lots;
        this.coupons = coupons;
        this.rules = rules;
        this.outbox = outbox;
    }

    @Transactional(TxType.MANDATORY)
    void pay(Reward reward, YearMonth period, long valueFen) {
        if (reward instanceof Reward.Points points) {
            payPoints(points);
        } else if (reward instanceof Reward.CouponReward coupon) {
            coupons.issue(coupon.grant());
        }
        budget.recordUse(period, valueFen, HeldRewardRepository.kindOf(reward), reward.key(), reward.occurredAt());
    }

    private void payPoints(Reward.Points reward) {
        UUID member = reward.member();
        ledger.lockMember(member);
        ledger.post(reward.posting()).ifPresent(transaction -> {
            if (!reward.pending()) {
                lots.open(member, transaction, reward.occurredAt(), reward.points(),
                        ledger.balance(member, AccountKind.MEMBER_POINTS_AVAILABLE));
            }
            outbox.append(Topics.REWARDS_EVENTS, member.toString(), new PointsCredited(member, transaction,
                    reward.points(), reward.posting().reason(), reward.posting().source().type(),
                    reward.posting().source().id(), reward.posting().chainLevel(), reward.pending(),
                    reward.availableAt()));
            rules.afterPointsPaid(reward);
        });
    }
}
