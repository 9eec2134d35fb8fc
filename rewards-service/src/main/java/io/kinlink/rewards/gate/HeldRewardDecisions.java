package io.kinlink.rewards.gate;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.platform.problem.ConflictProblem;
import io.kinlink.rewards.budget.Budget;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What becomes of a held reward: the release job pays, oldest first, those that fit their month
 * now; an operator pays one over the cap. Either way a reward whose cause was undone meanwhile is
 * cancelled instead of paid.
 */
@ApplicationScoped
public class HeldRewardDecisions {

    private final HeldRewardRepository held;
    private final RewardPayments payments;
    private final HeldRewardRules rules;
    private final Budget budget;
    private final Clock clock;

    public HeldRewardDecisions(HeldRewardRepository held, RewardPayments payments, HeldRewardRules rules, Budget budget,
                               Clock clock) {
        this.held = held;
        this.payments = payments;
        this.rules = rules;
        this.budget = budget;
        this.clock = clock;
    }

    /** Pays, oldest first, the held rewards that fit their month now, each in its own transaction; returns how many. */
    public int releaseHeld() {
        int released = 0;
        for (UUID id : QuarkusTransaction.requiringNew().call(held::waiting)) {
            if (QuarkusTransaction.requiringNew().call(() -> releaseIfFits(id))) {
                released++;
            }
        }
        return released;
    }

    /** An operator pays a held reward over the cap; 409 when it was decided before. */
    @Transactional
    public HeldRewardView approve(UUID id, String by, String note) {
        HeldRewardRepository.Held reward = held.lock(id);
        if (reward.status() != HeldRewardStatus.HELD) {
            throw new ConflictProblem("held-reward-decided", "Held reward " + id + " is " + reward.status() + " already");
        }
        settle(reward, HeldRewardStatus.APPROVED, by, note);
        return held.view(id);
    }

    /** An operator declines a held reward: it is never paid; 409 when it was decided before. */
    @Transactional
    public HeldRewardView cancel(UUID id, String by, String note) {
        HeldRewardRepository.Held reward = held.lock(id);
        if (reward.status() != HeldRewardStatus.HELD) {
            throw new ConflictProblem("held-reward-decided", "Held reward " + id + " is " + reward.status() + " already");
        }
        held.decide(reward.id(), HeldRewardStatus.CANCELLED, by, note);
        return held.view(id);
    }

    /** Held rewards, oldest first, optionally of one status. */
    @Transactional
    public List<HeldRewardView> list(Optional<HeldRewardStatus> status) {
        return held.list(status);
    }

    private boolean releaseIfFits(UUID id) {
        HeldRewardRepository.Held reward = held.lock(id);
        budget.lock(reward.period());
        if (reward.status() != HeldRewardStatus.HELD
                || !budget.fits(reward.period(), reward.valueFen(), clock.instant())) {
            return false;
        }
        settle(reward, HeldRewardStatus.RELEASED, "budget", "Budget freed up");
        return true;
    }

    /** Pays a held reward, unless its cause was undone meanwhile, in which case it is cancelled. */
    private void settle(HeldRewardRepository.Held reward, HeldRewardStatus decision, String by, String note) {
        Optional<String> undone = rules.whyUndone(reward.reward());
        if (undone.isPresent()) {
            held.decide(reward.id(), HeldRewardStatus.CANCELLED, by, undone.get());
            return;
        }
        payments.pay(reward.reward(), reward.period(), reward.valueFen());
        held.decide(reward.id(), decision, by, note);
    }
}
