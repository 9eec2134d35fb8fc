package io.kinlink.rewards.gate;

import java.util.Optional;

/**
 * What the rules behind a reward say about it while the budget holds it: whether its cause was
 * undone meanwhile (a full refund, a reversed referral, a milestone no longer reached: then it is
 * cancelled, never paid), and what follows its late payment (refunds that came in the meantime).
 * The gate only asks, so it depends on no rule.
 */
public interface HeldRewardRules {

    /** Why {@code reward} should no longer be paid; empty while its cause stands. */
    Optional<String> whyUndone(Reward reward);

    /** Called in the transaction that paid {@code reward} as points. */
    void afterPointsPaid(Reward.Points reward);
}
